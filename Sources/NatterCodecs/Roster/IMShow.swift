/// A presence `show` value. Zimbra documents lower case, but real servers and clients also sent upper case
/// (`AWAY`, `ONLINE`), so decoding ignores case and encoding always writes lower case.
public enum IMShow: String, Sendable, Hashable, CaseIterable {
    case online
    case chat
    case away
    case xa
    case dnd
    case offline

    /// Reads a wire value in any case; `nil` for anything else.
    public init?(wire: String) {
        self.init(rawValue: wire.trimmingXMLWhitespace().lowercased())
    }
}
