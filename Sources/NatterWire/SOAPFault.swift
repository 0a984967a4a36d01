/// A SOAP fault returned by the peer, thrown by ``SOAPEnvelope/parse(_:reader:)``.
///
/// The `detail` element is kept whole because that is where the useful part lives: Zimbra puts
/// `<Error xmlns="urn:zimbra"><Code>service.AUTH_REQUIRED</Code>` there and EWS puts its
/// `ResponseCode`.
public struct SOAPFault: Error, Sendable, Hashable, CustomStringConvertible {
    public var version: SOAPVersion
    public var code: SOAPFaultCode
    /// SOAP 1.2 `Subcode/Value` texts, outermost first, as written (QNames unresolved).
    public var subcodes: [String]
    /// 1.1 `faultstring`, or the first 1.2 `Reason/Text`.
    public var reason: String
    /// 1.1 `faultactor` or 1.2 `Node`.
    public var actor: String?
    /// The `detail` (1.1) or `Detail` (1.2) element itself.
    public var detail: XMLElement?
    /// Header blocks from the envelope that carried the fault (Zimbra sends its context there).
    public var headers: [XMLElement]

    public init(
        version: SOAPVersion,
        code: SOAPFaultCode,
        subcodes: [String] = [],
        reason: String,
        actor: String? = nil,
        detail: XMLElement? = nil,
        headers: [XMLElement] = []
    ) {
        self.version = version
        self.code = code
        self.subcodes = subcodes
        self.reason = reason
        self.actor = actor
        self.detail = detail
        self.headers = headers
    }

    /// The application error code found in the detail, following the two dialects we speak:
    /// Zimbra's `Error/Code` and EWS's `ResponseCode`.
    public var detailCode: String? {
        guard let detail else { return nil }
        let found = detail.firstDescendant(named: "Code") ?? detail.firstDescendant(named: "ResponseCode")
        return found.map(\.text)
    }

    public var description: String {
        var text = "\(version) fault (\(code)): \(reason)"
        if let detailCode { text += " [\(detailCode)]" }
        return text
    }
}
