/// Fitting text into a number of terminal cells without splitting a grapheme cluster or half a wide character.
public enum TextLayout {
    /// The longest prefix that fits in `width` cells, padded with spaces to exactly `width` when `pad` is set.
    ///
    /// A wide character that would straddle the edge is dropped and its first cell becomes a space, so the
    /// caller's cell count and the terminal's always agree.
    public static func truncate(_ text: String, to width: Int, pad: Bool = false, ellipsis: Bool = false) -> String {
        guard width > 0 else { return "" }
        let total = DisplayWidth.of(text)
        if total <= width { return pad ? text + String(repeating: " ", count: width - total) : text }
        let budget = ellipsis ? width - 1 : width
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > budget { break }
            result.append(character)
            used += cells
        }
        if ellipsis {
            result.append("…")
            used += 1
        }
        if pad && used < width { result += String(repeating: " ", count: width - used) }
        return result
    }

    /// Pads (or truncates) to exactly `width` cells.
    public static func fit(_ text: String, to width: Int) -> String { truncate(text, to: width, pad: true) }

    /// The suffix that fits in `width` cells: used to keep the end of a long line visible.
    public static func tail(_ text: String, width: Int) -> String {
        var result: [Character] = []
        var used = 0
        for character in text.reversed() {
            let cells = DisplayWidth.of(character)
            if used + cells > width { break }
            result.append(character)
            used += cells
        }
        return String(result.reversed())
    }

    /// Word-wraps `text` to lines of at most `width` cells. Explicit newlines start new lines, words longer than
    /// a line are broken between clusters, and spaces at a break are dropped.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(Substring(paragraph), width: width, into: &lines)
        }
        return lines.isEmpty ? [""] : lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0

        func flushLine() {
            while line.last == " " { line.removeLast() }
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        func placeWord() {
            guard !word.isEmpty else { return }
            if lineWidth + wordWidth > width && lineWidth > 0 { flushLine() }
            if wordWidth <= width - lineWidth {
                line += word
                lineWidth += wordWidth
            } else {
                // Longer than a whole line: break it between clusters.
                for character in word {
                    let cells = DisplayWidth.of(character)
                    if lineWidth + cells > width { flushLine() }
                    line.append(character)
                    lineWidth += cells
                }
            }
            word = ""
            wordWidth = 0
        }

        for character in paragraph {
            if character == " " {
                placeWord()
                if lineWidth > 0 && lineWidth < width {
                    line.append(" ")
                    lineWidth += 1
                }
            } else {
                word.append(character)
                wordWidth += DisplayWidth.of(character)
                // CJK text has no spaces; allow a break after every wide character.
                if DisplayWidth.of(character) == 2 { placeWord() }
            }
        }
        placeWord()
        while line.last == " " { line.removeLast() }
        lines.append(line)
    }
}
