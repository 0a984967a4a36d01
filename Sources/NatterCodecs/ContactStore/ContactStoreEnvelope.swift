import NatterWire

/// Whole SOAP 1.1 messages of the Unified Contact Store: the envelope around a ``ContactStoreRequest`` or
/// ``ContactStoreResponse``, as bytes for the transport and back.
///
/// `m` and `t` are declared once on the Envelope, as Exchange's clients do, so the body is compact.
public enum ContactStoreEnvelope {
    static let declarations = [
        XMLNamespaceDeclaration(prefix: EWSNamespace.messages.prefix, uri: EWSNamespace.messages.uri),
        XMLNamespaceDeclaration(prefix: EWSNamespace.types.prefix, uri: EWSNamespace.types.uri),
    ]

    /// The request envelope (client side).
    public static func envelope(
        for request: ContactStoreRequest, header: EWSRequestHeader = EWSRequestHeader()
    ) throws -> SOAPEnvelope {
        SOAPEnvelope(
            version: .soap11, headers: header.elements, body: try request.element(),
            namespaceDeclarations: declarations)
    }

    /// The request as UTF-8 bytes with an XML declaration, ready to POST with ``httpHeaders(for:)``.
    public static func bytes(
        for request: ContactStoreRequest, header: EWSRequestHeader = EWSRequestHeader()
    ) throws -> [UInt8] {
        try envelope(for: request, header: header).serialized()
    }

    /// `Content-Type` and the quoted `SOAPAction` of the request's operation.
    public static func httpHeaders(for request: ContactStoreRequest) -> [(name: String, value: String)] {
        SOAPVersion.soap11.httpHeaders(action: request.operation.soapAction)
    }

    /// The response envelope (server side).
    public static func envelope(
        for response: ContactStoreResponse, serverVersion: EWSServerVersionInfo = .exchange2013
    ) throws -> SOAPEnvelope {
        SOAPEnvelope(
            version: .soap11, headers: [serverVersion.element], body: try response.element(),
            namespaceDeclarations: declarations)
    }

    public static func bytes(
        for response: ContactStoreResponse, serverVersion: EWSServerVersionInfo = .exchange2013
    ) throws -> [UInt8] {
        try envelope(for: response, serverVersion: serverVersion).serialized()
    }

    /// Reads a request (server side): the operation from the body element and the EWS header blocks.
    ///
    /// - Throws: ``XMLError`` or ``SOAPError`` for a document that is not a SOAP envelope (SOAP 1.2 included:
    ///   EWS is SOAP 1.1 only), ``ContactStoreCodecError`` for a body that is not a valid operation.
    public static func parseRequest(
        _ bytes: some Collection<UInt8>, reader: XMLDocumentReader = XMLDocumentReader()
    ) throws -> (request: ContactStoreRequest, header: EWSRequestHeader) {
        let envelope = try SOAPEnvelope.parse(bytes, reader: reader)
        guard envelope.version == .soap11 else {
            throw ContactStoreCodecError.unsupportedSOAPVersion(envelope.version)
        }
        return (try ContactStoreRequest(parsing: envelope.body), EWSRequestHeader(parsing: envelope.headers))
    }

    /// Reads a response (client side).
    ///
    /// - Throws: ``SOAPFault`` when the server answered with a fault, ``ContactStoreCodecError`` when the body
    ///   is not the response to `expected`, and ``XMLError``/``SOAPError`` for unusable documents.
    public static func parseResponse(
        _ bytes: some Collection<UInt8>, expecting expected: ContactStoreOperation? = nil,
        reader: XMLDocumentReader = XMLDocumentReader()
    ) throws -> (response: ContactStoreResponse, serverVersion: EWSServerVersionInfo?) {
        let envelope = try SOAPEnvelope.parse(bytes, reader: reader)
        let response = try ContactStoreResponse(parsing: envelope.body, expecting: expected)
        let version = envelope.header(named: "ServerVersionInfo", namespace: EWSNamespace.types.uri)
        return (response, version.map(EWSServerVersionInfo.init(parsing:)))
    }
}
