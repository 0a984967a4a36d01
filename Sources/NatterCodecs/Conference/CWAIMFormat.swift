/// The `X-MMS-IM-Format` message header: font, effects, colour, character set and pitch/family, as MSN
/// Messenger defined it and Communicator kept it (`FN=Segoe%20UI; EF=B; CO=ff0000; CS=0; PF=00`).
///
/// Parsing is lenient because the header is decoration: a value Natter does not understand is kept verbatim and
/// written back unchanged, so a message is never refused for its formatting.
public struct CWAIMFormat: Sendable, Hashable {
    public enum Effect: Character, Sendable, Hashable, CaseIterable {
        case bold = "B"
        case italic = "I"
        case underline = "U"
        case strikethrough = "S"
    }

    public static let headerName = "X-MMS-IM-Format"

    /// The font family, percent-decoded.
    public var font: String?
    public var effects: Set<Effect>
    /// `CO`: MSN writes colours as hex in blue-green-red order; ``CWAColor`` reads it so.
    public var color: CWAColor?
    /// `CS`: the Windows character set, as the hex text it came in.
    public var charset: String?
    /// `PF`: the Windows pitch and family, as the hex text it came in.
    public var pitchAndFamily: String?
    /// Parameters Natter does not interpret (such as `RL=1`), in their order.
    public var otherParameters: [Parameter]

    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        font: String? = nil, effects: Set<Effect> = [], color: CWAColor? = nil, charset: String? = nil,
        pitchAndFamily: String? = nil, otherParameters: [Parameter] = []
    ) {
        self.font = font
        self.effects = effects
        self.color = color
        self.charset = charset
        self.pitchAndFamily = pitchAndFamily
        self.otherParameters = otherParameters
    }

    /// What Natter puts on its own messages: a plain sans-serif in the default colour.
    public static let natterDefault = CWAIMFormat(
        font: "Segoe UI", color: CWAColor(red: 0, green: 0, blue: 0), charset: "0", pitchAndFamily: "22")

    public var isBold: Bool { effects.contains(.bold) }
    public var isItalic: Bool { effects.contains(.italic) }
    public var isUnderlined: Bool { effects.contains(.underline) }
}

/// An RGB colour from `CO`.
public struct CWAColor: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Reads MSN's `CO` value: up to six hex digits, blue in the high byte, with leading zeros often dropped.
    public init?(msnHex text: String) {
        guard (1...6).contains(text.count), let value = UInt32(text, radix: 16) else { return nil }
        blue = UInt8((value >> 16) & 0xFF)
        green = UInt8((value >> 8) & 0xFF)
        red = UInt8(value & 0xFF)
    }

    /// Six hex digits, blue first, as `CO` carries it.
    public var msnHex: String {
        [blue, green, red].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
