/// Colours and attributes for every `StyleRole`, loaded from a TOML file in `Themes/`.
public struct Theme: Sendable, Equatable {
    public enum Color: Hashable, Sendable {
        /// The terminal's own foreground or background (`use_default_colors`).
        case terminalDefault
        /// 0–7 standard, 8–15 bright, up to 255 on 256-colour terminals.
        case index(Int)
    }

    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let reverse = Attributes(rawValue: 1 << 2)
        public static let underline = Attributes(rawValue: 1 << 3)
        public static let italic = Attributes(rawValue: 1 << 4)

        static let names: [(String, Attributes)] = [
            ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline), ("italic", .italic),
        ]
    }

    public struct Style: Hashable, Sendable {
        public var foreground: Color
        public var background: Color
        public var attributes: Attributes

        public init(
            foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: Attributes = []
        ) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }

        public var hasColor: Bool { foreground != .terminalDefault || background != .terminalDefault }
    }

    public var name: String
    public var styles: [StyleRole: Style]
    /// Colours for other people's nicks (`nick_colors`), picked by a stable hash; empty leaves nicks in
    /// `other_nick`'s colour.
    public var nickColors: [Color]

    public init(name: String, styles: [StyleRole: Style], nickColors: [Color] = []) {
        self.name = name
        self.styles = styles
        self.nickColors = nickColors
    }

    /// The style for a role; roles a theme leaves out look like plain text.
    public func style(for role: StyleRole) -> Style { styles[role] ?? styles[.text] ?? Style() }

    /// The same theme for a terminal without colours (or with `NO_COLOR` set): colours dropped, and the roles
    /// that depended on colour alone to stand out get attributes instead.
    public func withoutColors() -> Theme {
        var mono = Theme.mono
        for (role, style) in styles where !style.attributes.isEmpty && !style.hasColor {
            mono.styles[role] = style
        }
        mono.name = name + " (no colour)"
        return mono
    }

    public static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
}
