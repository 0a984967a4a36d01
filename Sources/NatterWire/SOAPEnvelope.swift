/// A SOAP message: header blocks plus exactly one body element.
///
/// Both protocols that use SOAP here put a single operation element in the body (EWS
/// `m:GetImItemList`, Zimbra `NoOpRequest`, even Zimbra's `BatchRequest`), so the model insists on
/// one rather than making every adapter unwrap an array.
public struct SOAPEnvelope: Sendable, Hashable {
    public var version: SOAPVersion
    public var headers: [XMLElement]
    public var body: XMLElement
    /// Declarations hoisted onto the Envelope so that nested elements can use short prefixes
    /// (EWS convention: `t` for types and `m` for messages).
    public var namespaceDeclarations: [XMLNamespaceDeclaration]

    public init(
        version: SOAPVersion,
        headers: [XMLElement] = [],
        body: XMLElement,
        namespaceDeclarations: [XMLNamespaceDeclaration] = []
    ) {
        self.version = version
        self.headers = headers
        self.body = body
        self.namespaceDeclarations = namespaceDeclarations
    }

    /// An envelope whose body is `fault`; this is how natterd answers a failed request.
    public init(fault: SOAPFault, headers: [XMLElement] = []) {
        self.init(version: fault.version, headers: headers, body: fault.element())
    }

    /// The `Envelope` element tree.
    public func element() -> XMLElement {
        let soap = version.envelopeNamespace
        var envelope = soap("Envelope") {
            if !headers.isEmpty {
                soap("Header") { headers }
            }
            soap("Body") { body }
        }
        envelope.namespaceDeclarations = namespaceDeclarations
        return envelope
    }

    /// The UTF-8 request body, with an XML declaration.
    public func serialized(writer: XMLWriter = XMLWriter()) throws -> [UInt8] {
        try writer.serialize(element())
    }

    /// The first header block with this name; `nil` namespace matches any.
    public func header(named name: String, namespace: String? = nil) -> XMLElement? {
        headers.first { $0.hasName(name, namespace: namespace) }
    }
}
