/// The top-level fault code, with SOAP 1.1 and 1.2 spellings unified
/// (`Client`/`Sender`, `Server`/`Receiver`).
public enum SOAPFaultCode: Sendable, Hashable, CustomStringConvertible {
    /// The request was wrong and should not be repeated unchanged (1.1 `Client`, 1.2 `Sender`).
    case sender
    /// The server failed; the same request may succeed later (1.1 `Server`, 1.2 `Receiver`).
    case receiver
    case versionMismatch
    case mustUnderstand
    case dataEncodingUnknown
    /// A code outside the envelope namespace, or a 1.1 dotted code such as `Client.Auth`
    /// that is not one of the above.
    case other(namespace: String?, name: String)

    init(namespace: String?, localName: String, version: SOAPVersion) {
        guard namespace == nil || namespace == version.namespace else {
            self = .other(namespace: namespace, name: localName)
            return
        }
        switch localName {
        case "Sender", "Client": self = .sender
        case "Receiver", "Server": self = .receiver
        case "VersionMismatch": self = .versionMismatch
        case "MustUnderstand": self = .mustUnderstand
        case "DataEncodingUnknown": self = .dataEncodingUnknown
        case _ where localName.hasPrefix("Client."): self = .sender
        case _ where localName.hasPrefix("Server."): self = .receiver
        default: self = .other(namespace: namespace, name: localName)
        }
    }

    /// The local name this code is written with in `version`.
    func localName(for version: SOAPVersion) -> String {
        switch (self, version) {
        case (.sender, .soap11): "Client"
        case (.sender, .soap12): "Sender"
        case (.receiver, .soap11): "Server"
        case (.receiver, .soap12): "Receiver"
        case (.versionMismatch, _): "VersionMismatch"
        case (.mustUnderstand, _): "MustUnderstand"
        case (.dataEncodingUnknown, _): "DataEncodingUnknown"
        case (.other(_, let name), _): name
        }
    }

    public var description: String {
        switch self {
        case .sender: "Sender"
        case .receiver: "Receiver"
        case .versionMismatch: "VersionMismatch"
        case .mustUnderstand: "MustUnderstand"
        case .dataEncodingUnknown: "DataEncodingUnknown"
        case .other(_, let name): name
        }
    }
}
