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
    /// Each role's resolved background, for pairs made later with another foreground (`entry(for:style:)`).
    private var backgrounds: [StyleRole: Int] = [:]
    private var pairNumbers: [String: Int] = [:]
    private var nickColors: [Theme.Color] = []
    private var colors = 0
    private var maxPairs = 0

    static func == (lhs: ColorPalette, rhs: ColorPalette) -> Bool {
        lhs.entries == rhs.entries && lhs.pairs.elementsEqual(rhs.pairs, by: ==)
    }

    init(theme: Theme, colors: Int, maxPairs: Int) {
        self.colors = colors
        self.maxPairs = maxPairs
        nickColors = theme.nickColors
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
            backgrounds[role] = background
            entries[role] = Entry(pair: pair(foreground, background), attributes: attributes)
        }
    }

    /// The pair for these colours, made if there is room (else the default pair, so text stays readable).
    private mutating func pair(_ foreground: Int, _ background: Int) -> Int {
        guard foreground != -1 || background != -1 else { return 0 }
        let key = "\(foreground),\(background)"
        if let known = pairNumbers[key] { return known }
        guard pairs.count + 1 < maxPairs else { return 0 }
        pairs.append((foreground, background))
        pairNumbers[key] = pairs.count
        return pairs.count
    }

    /// A role's entry with a run's own effects and colour on top: the colour on the role's background (a new
    /// pair when needed; the caller installs `pairs` past the count it had), the attributes added. Without
    /// colours only the attributes remain.
    mutating func entry(for role: StyleRole, style: RunStyle) -> Entry {
        var entry = self.entry(for: role)
        entry.attributes.formUnion(style.attributes)
        guard colors >= 8, maxPairs > 1, let color = style.color else { return entry }
        var foreground: Int?
        switch color {
        case .rgb(let red, let green, let blue):
            foreground = ColorMatch.nearest(red: red, green: green, blue: blue, colors: colors)
        case .nick(let hash):
            guard !nickColors.isEmpty else { return entry }
            foreground = Self.resolve(
                nickColors[Int(hash % UInt32(nickColors.count))], colors: colors, brightens: &entry.attributes)
        }
        guard let foreground, foreground != -1 else { return entry }
        entry.pair = pair(foreground, backgrounds[role] ?? -1)
        return entry
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
