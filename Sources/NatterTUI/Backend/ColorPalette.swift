/// Maps each `StyleRole` to a curses colour pair number and attributes, for what the terminal can show.
///
/// Pure so the degradation rules are tested: bright colours on an 8-colour terminal become the base colour in
/// bold, 256-colour indexes there become the default, and with no colour at all only attributes remain.
struct ColorPalette: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var pair: Int
        var attributes: Theme.Attributes
    }

    /// Pair number → (foreground, background); -1 is the terminal default. Pair 0 is curses' own default.
    private(set) var pairs: [(Int, Int)] = []
    private(set) var entries: [StyleRole: Entry] = [:]

    static func == (lhs: ColorPalette, rhs: ColorPalette) -> Bool {
        lhs.entries == rhs.entries && lhs.pairs.elementsEqual(rhs.pairs, by: ==)
    }

    init(theme: Theme, colors: Int, maxPairs: Int) {
        var pairNumbers: [String: Int] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            var attributes = style.attributes
            guard colors >= 8, maxPairs > 1 else {
                entries[role] = Entry(pair: 0, attributes: attributes)
                continue
            }
            let foreground = Self.resolve(style.foreground, colors: colors, brightens: &attributes)
            var ignored = Theme.Attributes()
            let background = Self.resolve(style.background, colors: colors, brightens: &ignored)
            var pair = 0
            if foreground != -1 || background != -1 {
                let key = "\(foreground),\(background)"
                if let known = pairNumbers[key] {
                    pair = known
                } else if pairs.count + 1 < maxPairs {
                    pairs.append((foreground, background))
                    pair = pairs.count
                    pairNumbers[key] = pair
                }
            }
            entries[role] = Entry(pair: pair, attributes: attributes)
        }
    }

    func entry(for role: StyleRole) -> Entry { entries[role] ?? Entry(pair: 0, attributes: []) }

    private static func resolve(_ color: Theme.Color, colors: Int, brightens attributes: inout Theme.Attributes) -> Int
    {
        switch color {
        case .terminalDefault: return -1
        case .index(let index) where index < colors: return index
        case .index(let index) where index < 16:
            attributes.insert(.bold)
            return index - 8
        case .index: return -1
        }
    }
}
