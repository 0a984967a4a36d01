/// Terminal cell widths, measured per grapheme cluster.
///
/// glibc's `wcwidth` works per code point and predates most emoji, so a ZWJ family or a flag comes out as 4–6
/// cells there while every modern terminal draws it in 2. Layout therefore measures whole `Character`s here,
/// and `CellEncoder` makes sure curses is handed something that occupies exactly that many cells.
public enum DisplayWidth {
    /// Cells one grapheme cluster occupies: 0, 1 or 2, or what the terminal measured for an emoji sequence
    /// (`ClusterWidths.terminal`).
    public static func of(_ character: Character) -> Int {
        guard character.unicodeScalars.count > 1, ClusterWidths.kind(of: character) != nil else {
            return of(character, terminal: ClusterWidths())
        }
        return of(character, terminal: ClusterWidths.terminal)
    }

    /// Cells one grapheme cluster occupies on a terminal that measured `terminal`.
    public static func of(_ character: Character, terminal: ClusterWidths) -> Int {
        if let measured = terminal.width(of: character) { return measured }
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        if scalars.count == 1 {
            let width = of(scalar: base)
            // A mark with nothing to sit on (text that starts with a combining accent) still needs a visible cell.
            return width == 0 && !isInvisible(base) ? 1 : width
        }
        var hasEmojiSelector = false
        var hasJoiner = false
        var regionalIndicators = 0
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F: hasEmojiSelector = true
            case 0x200D: hasJoiner = true
            case 0x1F1E6...0x1F1FF: regionalIndicators += 1
            default: break
            }
        }
        if regionalIndicators >= 2 { return 2 }
        let baseIsEmoji = base.properties.isEmoji
        // VS16 asks for emoji presentation, which terminals draw two cells wide; ZWJ sequences render as one glyph.
        if baseIsEmoji && (hasEmojiSelector || hasJoiner) { return 2 }
        let baseWidth = of(scalar: base)
        if baseWidth == 0 && !isInvisible(base) { return 1 }
        return baseWidth
    }

    /// Sum of the cluster widths.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Width of a lone code point: the East Asian Wide/Fullwidth table, emoji presentation, and zero for marks.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if isZeroWidth(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isEastAsianWide(value) ? 2 : 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul medial vowels and final consonants join the preceding leading consonant's two cells.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// Zero-width clusters that carry nothing to look at (a stray joiner, a lone selector).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return scalar.properties.generalCategory == .format || (0xFE00...0xFE0F).contains(value)
            || (0xE0100...0xE01EF).contains(value) || value < 0x20 || (0x7F..<0xA0).contains(value)
    }

    static func isEastAsianWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
