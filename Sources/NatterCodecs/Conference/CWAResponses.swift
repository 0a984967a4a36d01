import NatterWire

/// A `<cwaResponses>` document: the synchronous answer to a `<cwaRequests>` `POST`.
public struct CWAResponses: Sendable, Hashable {
    /// `requestProcessed`, when the server reports it.
    public var requestProcessed: String?
    public var responses: [CWAResponse]

    public init(requestProcessed: String? = nil, responses: [CWAResponse]) {
        self.requestProcessed = requestProcessed
        self.responses = responses
    }

    /// Natter always writes the namespace on responses; readers accept either form.
    public func element(namespaced: Bool = true) -> XMLElement {
        var root = cwaElement("cwaResponses", namespaced) {
            for response in responses { response.element(namespaced) }
        }
        if let requestProcessed { root.attributes.append(XMLAttribute("requestProcessed", value: requestProcessed)) }
        return root
    }

    public func serialized() throws -> [UInt8] {
        try XMLWriter(includesDeclaration: true, invalidCharacters: .replace).serialize(element())
    }

    public init(parsing root: XMLElement) throws(CWACodecError) {
        guard root.name == "cwaResponses", root.isCWA else {
            throw .unexpectedRoot(root, expected: "cwaResponses")
        }
        requestProcessed = root.attribute("requestProcessed")
        var responses: [CWAResponse] = []
        for child in root.elements {
            responses.append(try CWAResponse(parsing: child, path: "cwaResponses"))
        }
        self.responses = responses
    }

    public init(bytes: some Collection<UInt8>, reader: XMLDocumentReader = XMLDocumentReader()) throws(CWACodecError) {
        try self.init(parsing: try CWADocument.parse(bytes, reader: reader))
    }
}
