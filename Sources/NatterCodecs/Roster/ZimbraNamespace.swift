import NatterWire

/// The Zimbra namespaces the Roster door speaks. Zimbra writes each as the default namespace of its element
/// (`<IMGetRosterRequest xmlns="urn:zimbraIM"/>`), so none has a prefix.
public enum ZimbraNamespace {
    /// Global elements: the `context` header and the `Error` of fault details.
    public static let zimbra = XMLNamespace("urn:zimbra")
    /// `AuthRequest`.
    public static let account = XMLNamespace("urn:zimbraAccount")
    /// `NoOpRequest`, the long poll.
    public static let mail = XMLNamespace("urn:zimbraMail")
    /// Every `IM…Request`.
    public static let im = XMLNamespace("urn:zimbraIM")
}
