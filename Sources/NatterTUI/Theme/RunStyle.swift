/// What a run of text asks for on top of its role's theme style: the sender's effects and colour on a
/// message (CWA's `X-MMS-IM-Format`), a nick's own colour. The backend draws what the terminal can; with no
/// colours only the attributes remain, and an attribute the terminal lacks is simply not drawn.
public struct RunStyle: Hashable, Sendable {
    public enum Color: Hashable, Sendable {
        /// A colour the sender chose, mapped to the nearest one the terminal has (`ColorMatch`).
        case rgb(red: UInt8, green: UInt8, blue: UInt8)
        /// A nick's colour: a stable hash, picked from the theme's `nick_colors`.
        case nick(UInt32)
    }

    public var attributes: Theme.Attributes
    public var color: Color?

    public init(attributes: Theme.Attributes = [], color: Color? = nil) {
        self.attributes = attributes
        self.color = color
    }

    /// The colour for a nick: FNV-1a over the address, so it is the same in every run and on every machine
    /// (Swift's own `hashValue` is seeded per process).
    public static func nick(_ address: String) -> RunStyle {
        var hash: UInt32 = 2_166_136_261
        for byte in address.lowercased().utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return RunStyle(color: .nick(hash))
    }
}
