import NatterWire

/// The two EWS namespaces, as element factories with the prefixes Exchange's own examples use.
///
/// Operation elements and their direct fields live in `messages`; shared value types (`ImGroup`'s fields,
/// `Persona`, header blocks) live in `types`. The schema fixes which is which per element, and the codec follows
/// it exactly, because a validating peer rejects a field in the wrong namespace.
public enum EWSNamespace {
    public static let messages = XMLNamespace(
        "http://schemas.microsoft.com/exchange/services/2006/messages", prefix: "m")
    public static let types = XMLNamespace("http://schemas.microsoft.com/exchange/services/2006/types", prefix: "t")
}
