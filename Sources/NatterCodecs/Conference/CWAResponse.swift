import NatterWire

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
