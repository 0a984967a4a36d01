import NatterWire

/// Whole SOAP 1.2 messages of the Zimbra IM door: the envelope with its `context` header around a request or
/// response, as bytes for the transport and back.
public enum RosterEnvelope {
    /// The endpoint every request is POSTed to.
    public static let path = "/service/soap/"

    /// The request envelope (client side).
    public static func envelope(for request: RosterRequest, context: ZimbraRequestContext) throws -> SOAPEnvelope {
        SOAPEnvelope(version: .soap12, headers: [context.element], body: try request.element())
    }

    /// The request as UTF-8 bytes with an XML declaration; user text that XML cannot carry becomes U+FFFD
    /// rather than failing the send.
    public static func bytes(for request: RosterRequest, context: ZimbraRequestContext) throws -> [UInt8] {
        try envelope(for: request, context: context).serialized(writer: XMLWriter(invalidCharacters: .replace))
    }

    /// `Content-Type` for SOAP 1.2.
    public static var httpHeaders: [(name: String, value: String)] { SOAPVersion.soap12.httpHeaders(action: nil) }

    /// Reads a request (server side). Zimbra accepts SOAP 1.1 envelopes too, and so does natterd.
    ///
    /// - Throws: ``XMLError`` or ``SOAPError`` for a document that is not a SOAP envelope, ``RosterCodecError``
    ///   for a body or context that is not valid. ``ZimbraFault/unreadableRequest(_:)`` turns any of them into
    ///   the fault to answer with.
    public static func parseRequest(
        _ bytes: some Collection<UInt8>, reader: XMLDocumentReader = XMLDocumentReader()
    ) throws -> (request: RosterRequest, context: ZimbraRequestContext) {
        let envelope = try SOAPEnvelope.parse(bytes, reader: reader)
        let context = try ZimbraRequestContext(parsing: envelope.headers)
        return (try RosterRequest(parsing: envelope.body), context)
    }

    /// The response envelope (server side).
    public static func envelope(for response: RosterResponse, context: ZimbraResponseContext) -> SOAPEnvelope {
        SOAPEnvelope(version: .soap12, headers: [context.element], body: response.element())
    }

    public static func bytes(for response: RosterResponse, context: ZimbraResponseContext) throws -> [UInt8] {
        try envelope(for: response, context: context).serialized(writer: XMLWriter(invalidCharacters: .replace))
    }

    /// A fault envelope (server side). The context header is always written, empty if need be, as Zimbra does:
    /// clients such as python-zimbra read the header of every response and fail on a fault without one.
    public static func bytes(for fault: ZimbraFault, context: ZimbraResponseContext? = nil) throws -> [UInt8] {
        let context = context ?? fault.context ?? ZimbraResponseContext()
        return try SOAPEnvelope(fault: fault.soapFault, headers: [context.element]).serialized()
    }

    /// Reads a response (client side).
    ///
    /// - Throws: ``ZimbraFault`` when the server answered with a fault, ``RosterCodecError`` when the body is not the
    ///   response to `expected`, and ``XMLError``/``SOAPError`` for unusable documents.
    public static func parseResponse(
        _ bytes: some Collection<UInt8>, expecting expected: RosterRequestKind? = nil,
        reader: XMLDocumentReader = XMLDocumentReader()
    ) throws -> (response: RosterResponse, context: ZimbraResponseContext?) {
        let envelope: SOAPEnvelope
        do {
            envelope = try SOAPEnvelope.parse(bytes, reader: reader)
        } catch let fault as SOAPFault {
            throw try ZimbraFault(fault)
        }
        let context = try ZimbraResponseContext(parsing: envelope.headers)
        return (try RosterResponse(parsing: envelope.body, expecting: expected), context)
    }
}
