/// The two SOAP envelope versions in use: EWS speaks 1.1, Zimbra speaks 1.2.
public enum SOAPVersion: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case soap11
    case soap12

    /// The envelope namespace, which is also how a received envelope's version is detected.
    public var namespace: String {
        switch self {
        case .soap11: "http://schemas.xmlsoap.org/soap/envelope/"
        case .soap12: "http://www.w3.org/2003/05/soap-envelope"
        }
    }

    /// The envelope namespace as a factory with the conventional `soap` prefix.
    public var envelopeNamespace: XMLNamespace { XMLNamespace(namespace, prefix: "soap") }

    public init?(namespace: String) {
        guard let version = Self.allCases.first(where: { $0.namespace == namespace }) else { return nil }
        self = version
    }

    /// The media type without an action parameter.
    public var contentType: String {
        switch self {
        case .soap11: "text/xml; charset=utf-8"
        case .soap12: "application/soap+xml; charset=utf-8"
        }
    }

    /// HTTP headers for a request carrying `action`.
    ///
    /// SOAP 1.1 sends the action in a quoted `SOAPAction` header (EWS requires it); SOAP 1.2
    /// moved it into the `action` parameter of the content type and dropped the header.
    public func httpHeaders(action: String?) -> [(name: String, value: String)] {
        switch self {
        case .soap11:
            return [("Content-Type", contentType), ("SOAPAction", "\"\(action ?? "")\"")]
        case .soap12:
            guard let action else { return [("Content-Type", contentType)] }
            return [("Content-Type", contentType + "; action=\"\(action)\"")]
        }
    }

    public var description: String {
        switch self {
        case .soap11: "SOAP 1.1"
        case .soap12: "SOAP 1.2"
        }
    }
}
