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
