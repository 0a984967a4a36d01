import Synchronization

/// How many cells this terminal gives the emoji sequences that terminals disagree on, measured at start by
/// printing one of each and asking where the cursor went (`TerminalProbe`). tmux 3.3 draws a ZWJ family in 2 cells
/// but a skin-toned thumb in 4 (the tone as a swatch of its own); xterm draws the family as its 3 people (6 cells);
/// newer terminals draw both in 2. Layout uses the measured widths, so a sequence is shown as the sender wrote it
/// and every later cell stays where the terminal puts it. Unmeasured (the terminal did not answer), a sequence is
/// laid out as 2 cells and `CellEncoder` draws its base character, which every terminal agrees on.
public struct ClusterWidths: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Emoji joined with U+200D (👨‍👩‍👧, 👩🏽‍💻).
        case zwjSequence
        /// An emoji with a skin-tone modifier and no joiner (👍🏽).
        case modifierSequence
    }

    public var zwjSequence: Int?
    public var modifierSequence: Int?

    public init(zwjSequence: Int? = nil, modifierSequence: Int? = nil) {
        self.zwjSequence = zwjSequence
        self.modifierSequence = modifierSequence
    }

    /// What is printed to measure each kind.
    public static let probes: [(Kind, String)] = [(.zwjSequence, "👨‍👩‍👧"), (.modifierSequence, "👍🏽")]

    public func width(of kind: Kind) -> Int? {
        switch kind {
        case .zwjSequence: zwjSequence
        case .modifierSequence: modifierSequence
        }
    }

    public mutating func set(_ kind: Kind, _ width: Int?) {
        // Anything outside what a few emoji could take is a confused answer, not a width.
        let usable = width.flatMap { (1...12).contains($0) ? $0 : nil }
        switch kind {
        case .zwjSequence: zwjSequence = usable
        case .modifierSequence: modifierSequence = usable
        }
    }

    /// The cells this terminal gives `character`, if it is a kind that was measured: a terminal that drew the probe
    /// as one glyph (2 cells) draws every sequence of its kind so; one that drew its parts draws each part, so a
    /// four-person family is wider than the three-person probe.
    public func width(of character: Character) -> Int? {
        guard let kind = Self.kind(of: character), let measured = width(of: kind) else { return nil }
        if measured <= 2 { return 2 }
        return character.unicodeScalars.reduce(0) { $0 + DisplayWidth.of(scalar: $1) }
    }

    /// Which measured kind a cluster is, if any.
    public static func kind(of character: Character) -> Kind? {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, let base = scalars.first, base.properties.isEmoji else { return nil }
        var modifier = false
        for scalar in scalars.dropFirst() {
            if scalar.value == 0x200D { return .zwjSequence }
            if (0x1F3FB...0x1F3FF).contains(scalar.value) { modifier = true }
        }
        return modifier ? .modifierSequence : nil
    }

    /// The column (1-based) in a cursor position report, `ESC [ row ; column R`, or nil if there is none.
    public static func column(fromCursorReport bytes: [UInt8]) -> Int? {
        guard let end = bytes.lastIndex(of: UInt8(ascii: "R")),
            let start = bytes[..<end].lastIndex(of: 0x1B), start + 1 < end, bytes[start + 1] == UInt8(ascii: "[")
        else { return nil }
        let fields = bytes[(start + 2)..<end].split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard fields.count == 2, let column = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return column
    }

    /// The widths the running terminal reported; the screen model and the backend both lay out with them.
    public static var terminal: ClusterWidths { measured.withLock { $0 } }

    static func useTerminal(_ widths: ClusterWidths) { measured.withLock { $0 = widths } }

    private static let measured = Mutex(ClusterWidths())
}
