import NatterWire

/// A `<cwaRequests>` document: the body of every `POST` to `MainCommandHandler.ashx`.
public struct CWARequests: Sendable, Hashable {
    /// The session id from `initiateSession`'s `requestAccepted`; absent before it.
    public var sid: String?
    public var requests: [CWARequest]

    public init(sid: String? = nil, requests: [CWARequest]) {
        self.sid = sid
        self.requests = requests
    }

    /// Whether Natter writes the CWA namespace: on everything but the logon, which real servers take bare.
    public var isNamespaced: Bool {
        !requests.contains { if case .logon = $0 { true } else { false } }
    }

    public func element() -> XMLElement {
        var root = cwaElement("cwaRequests", isNamespaced) {
            for request in requests { request.element(isNamespaced) }
        }
        if let sid { root.attributes.append(XMLAttribute("sid", value: sid)) }
        return root
    }

    /// UTF-8 bytes with an XML declaration, ready to `POST` as `text/xml`.
    ///
    /// - Throws: `XMLError` for text XML cannot carry (C0 controls in a message are replaced, not refused).
    public func serialized() throws -> [UInt8] {
        try XMLWriter(includesDeclaration: true, invalidCharacters: .replace).serialize(element())
    }

    /// Reads a request document, with or without the CWA namespace.
    public init(parsing root: XMLElement) throws(CWACodecError) {
        guard root.name == "cwaRequests", root.isCWA else {
            throw .unexpectedRoot(root, expected: "cwaRequests")
        }
        sid = root.attribute("sid").flatMap { $0.isEmpty ? nil : $0 }
        var requests: [CWARequest] = []
        for child in root.elements {
            requests.append(try CWARequest(parsing: child, path: "cwaRequests"))
        }
        guard !requests.isEmpty else { throw .noRequests }
        self.requests = requests
    }

    /// Parses and reads a request body with the hardened reader (no DTDs, bounded size and depth).
    public init(bytes: some Collection<UInt8>, reader: XMLDocumentReader = XMLDocumentReader()) throws(CWACodecError) {
        try self.init(parsing: try CWADocument.parse(bytes, reader: reader))
    }
}

/// Shared parsing of the three CWA document kinds.
enum CWADocument {
    static func parse(_ bytes: some Collection<UInt8>, reader: XMLDocumentReader) throws(CWACodecError) -> XMLElement {
        do {
            return try reader.parse(bytes)
        } catch {
            throw .xml(error)
        }
    }
}
