/// How the sender dressed a message: effects, a colour and a font, as a rich-text protocol (CWA's
/// `X-MMS-IM-Format`) carries them for the whole message. Front ends draw what they can and ignore the rest;
/// the text itself never depends on it.
public struct MessageStyle: Hashable, Sendable, Codable {
    public struct Effects: OptionSet, Hashable, Sendable, Codable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Effects(rawValue: 1 << 0)
        public static let italic = Effects(rawValue: 1 << 1)
        public static let underline = Effects(rawValue: 1 << 2)
        public static let strikethrough = Effects(rawValue: 1 << 3)
    }

    /// A 24-bit colour as the sender chose it; a front end maps it to what the terminal has.
    public struct Color: Hashable, Sendable, Codable {
        public var red: UInt8
        public var green: UInt8
        public var blue: UInt8

        public init(red: UInt8, green: UInt8, blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// A grey (black and white included): the sender's "automatic" colour rather than a chosen hue.
        public var isGrey: Bool {
            let values = [Int(red), Int(green), Int(blue)]
            return values.max()! - values.min()! < 24
        }
    }

    public var effects: Effects
    public var color: Color?
    public var font: String?

    public init(effects: Effects = [], color: Color? = nil, font: String? = nil) {
        self.effects = effects
        self.color = color
        self.font = font
    }
}
