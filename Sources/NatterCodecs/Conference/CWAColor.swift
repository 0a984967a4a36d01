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
