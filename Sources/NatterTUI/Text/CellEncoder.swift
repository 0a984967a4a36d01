/// Turns one grapheme cluster into the code points curses should be given, so that curses advances exactly
/// as many cells as `DisplayWidth` says the terminal will.
///
/// curses computes a cluster's width from the C library's per-code-point `wcwidth`: a ZWJ family becomes
/// three wide cells and a thumbs-up with a skin tone two. When that disagrees with the per-cluster width, the
/// cluster is replaced by its base character (plus padding spaces) — the detail is lost, the layout is not.
public struct CellEncoder: Sendable {
    /// How many combining code points curses keeps with a spacing one (`CCHARW_MAX - 1`).
    public static let maxCombining = 4

    private let scalarWidth: @Sendable (UInt32) -> Int
    /// What the terminal measured for emoji sequences (`TerminalProbe`).
    public let terminal: ClusterWidths

    /// - Parameter scalarWidth: the platform's `wcwidth`; tests pass a table to be independent of the libc.
    public init(terminal: ClusterWidths = ClusterWidths(), scalarWidth: @escaping @Sendable (UInt32) -> Int) {
        self.scalarWidth = scalarWidth
        self.terminal = terminal
    }

    /// The code points of a cluster that must go into one curses cell (a `cchar_t` filled by hand, since
    /// `setcchar` stops at the second spacing character): the terminal measured that it draws this kind of sequence
    /// in as many cells as its first code point alone, which is what curses will advance, while curses' per-code-point
    /// count would say more. tmux's 2-cell ZWJ family is the case. Nil for everything `encode` handles.
    public func wholeCluster(_ character: Character) -> [UInt32]? {
        guard let cells = terminal.width(of: character) else { return nil }
        let scalars = character.unicodeScalars.map(\.value)
        guard scalars.count <= Self.maxCombining + 1, scalarWidth(scalars[0]) == cells,
            cursesWidth(of: scalars) != cells
        else { return nil }
        return scalars
    }

    /// The code points to write for `character`, occupying exactly `DisplayWidth.of(character)` cells per curses.
    public func encode(_ character: Character) -> [UInt32] {
        let cells = DisplayWidth.of(character, terminal: terminal)
        var scalars = character.unicodeScalars.map(\.value)
        guard cells > 0 else { return [] }
        // A mark with nothing to sit on would land on the previous cell; give it a space of its own.
        if let first = scalars.first, scalarWidth(first) == 0 { scalars.insert(0x20, at: 0) }
        if cursesWidth(of: scalars) == cells && combiningCount(scalars) <= Self.maxCombining { return scalars }

        // Keep the base and its ordinary combining marks; selectors, joiners and modifiers are what confuse curses.
        var reduced: [UInt32] = []
        for (index, value) in scalars.enumerated() {
            if index == 0 {
                reduced.append(value)
            } else if scalarWidth(value) == 0 && !Self.isPresentationControl(value)
                && reduced.count <= Self.maxCombining
            {
                reduced.append(value)
            } else if scalarWidth(value) != 0 {
                break
            }
        }
        var reducedWidth = cursesWidth(of: reduced)
        if reducedWidth <= 0 || reducedWidth > cells {
            reduced = [0x3F]  // "?"
            reducedWidth = 1
        }
        return reduced + Array(repeating: 0x20, count: cells - reducedWidth)
    }

    /// Encodes a whole run of text, cluster by cluster.
    public func encode(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for character in text { result += encode(character) }
        return result
    }

    /// What curses will advance for these code points: each one with a positive `wcwidth` takes its own cell(s).
    func cursesWidth(of scalars: [UInt32]) -> Int {
        var total = 0
        for (index, value) in scalars.enumerated() {
            let width = scalarWidth(value)
            if width < 0 { return -1 }
            if index == 0 && width == 0 { return -1 }
            total += width
        }
        return total
    }

    private func combiningCount(_ scalars: [UInt32]) -> Int {
        scalars.dropFirst().filter { scalarWidth($0) == 0 }.count
    }

    private static func isPresentationControl(_ value: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(value) || value == 0x200D || (0x1F3FB...0x1F3FF).contains(value)
            || (0xE0020...0xE007F).contains(value)
    }
}
