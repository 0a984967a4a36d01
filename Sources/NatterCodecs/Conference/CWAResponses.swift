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

/// One answer in `<cwaResponses>`.
public enum CWAResponse: Sendable, Hashable {
    case requestAccepted(CWARequestAccepted)
    case error(CWAError)

    public var rid: String? {
        switch self {
        case .requestAccepted(let accepted): accepted.rid
        case .error(let error): error.rid
        }
    }

    func element(_ namespaced: Bool) -> XMLElement {
        switch self {
        case .requestAccepted(let accepted): accepted.element(namespaced)
        case .error(let error): error.element(namespaced)
        }
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        guard element.isCWA else { throw .unknownElement(element, path: path) }
        switch element.name {
        case "requestAccepted":
            self = .requestAccepted(try CWARequestAccepted(parsing: element, path: path + "/requestAccepted"))
        case "error": self = .error(try CWAError(parsing: element, path: path + "/error"))
        default: throw .unknownElement(element, path: path)
        }
    }
}

/// `<error rid code><reason>…</reason></error>`: why a request was refused (an offline or unknown URI, empty
/// content, an unknown session, unreadable XML).
public struct CWAError: Sendable, Hashable {
    public var rid: String?
    /// A short machine-readable kind, such as `userOffline`; Natter's addition.
    public var code: String?
    public var reason: String

    public init(rid: String?, code: String? = nil, reason: String) {
        self.rid = rid
        self.code = code
        self.reason = reason
    }

    func element(_ namespaced: Bool) -> XMLElement {
        var element = cwaElement("error", namespaced) { cwaElement("reason", namespaced, text: reason) }
        if let rid { element.attributes.append(XMLAttribute("rid", value: rid)) }
        if let code { element.attributes.append(XMLAttribute("code", value: code)) }
        return element
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        rid = element.attribute("rid")
        code = element.attribute("code")
        reason = try element.requiredCWAChild("reason", path: path).text
    }
}
