import NatterWire

/// `<conference rid confId>` with the one conference request it groups. `confId` is `0` before the server has
/// assigned one (on `initiateImSession`).
public struct CWAConferenceRequest: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// Invites `uris` with a first message; the subject is optional because the seed's example omits it.
        case initiateImSession(uris: [String], message: CWAMessage, subject: String?)
        case sendMessage(CWAMessage)
        case notifyComposing(CWAComposingState)
        case inviteParticipants(uris: [String])
        case ejectParticipant(uri: String)
        case acceptImSession
        case terminateImSession

        /// The element name Natter sends.
        public var elementName: String {
            switch self {
            case .initiateImSession: "initiateImSession"
            case .sendMessage: "sendMessage"
            case .notifyComposing: "notifyComposing"
            case .inviteParticipants: "inviteParticipants"
            case .ejectParticipant: "ejectParticipant"
            case .acceptImSession: "acceptImSession"
            case .terminateImSession: "terminateImSession"
            }
        }
    }

    public var rid: String
    public var confId: String
    public var action: Action

    public init(rid: String, confId: String = "0", action: Action) {
        self.rid = rid
        self.confId = confId
        self.action = action
    }

    /// `confId` before `rid`, as the seed's example writes them.
    func element(_ namespaced: Bool) -> XMLElement {
        cwaElement("conference", namespaced, attributes: ["confId": confId, "rid": rid]) {
            cwaElement(action.elementName, namespaced) { actionContent(namespaced) }
        }
    }

    @XMLContentBuilder private func actionContent(_ namespaced: Bool) -> [XMLNode] {
        switch action {
        case .initiateImSession(let uris, let message, let subject):
            Self.uriList(uris, namespaced)
            message.element(namespaced)
            if let subject { cwaElement("subject", namespaced, text: subject) }
        case .sendMessage(let message):
            message.element(namespaced)
        case .notifyComposing(let state):
            cwaElement("state", namespaced, text: state.rawValue)
        case .inviteParticipants(let uris):
            Self.uriList(uris, namespaced)
        case .ejectParticipant(let uri):
            cwaElement("uri", namespaced, text: uri)
        case .acceptImSession, .terminateImSession:
            [XMLNode]()
        }
    }

    private static func uriList(_ uris: [String], _ namespaced: Bool) -> XMLElement {
        cwaElement("uris", namespaced) {
            for uri in uris { cwaElement("uri", namespaced, text: uri) }
        }
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        rid = try element.requiredAttribute("rid", path: path)
        confId = try element.requiredAttribute("confId", path: path)
        let requests = element.elements.filter(\.isCWA)
        guard requests.count == 1, let request = requests.first else {
            throw requests.isEmpty
                ? .missingElement(path + "/*") : .invalidValue(path, value: "\(requests.count) requests")
        }
        let here = path + "/" + request.name
        switch request.name {
        // The seed's example misspells the element; accept it, never send it.
        case "initiateImSession", "initateImSession":
            action = .initiateImSession(
                uris: try Self.uris(in: request, path: here),
                message: try CWAMessage(
                    parsing: try request.requiredCWAChild("message", path: here), path: here + "/message"),
                subject: request.optionalCWAText("subject"))
        case "sendMessage":
            action = .sendMessage(
                try CWAMessage(parsing: try request.requiredCWAChild("message", path: here), path: here + "/message"))
        case "notifyComposing":
            // A bare `<notifyComposing/>` means the user is typing.
            guard let raw = request.optionalCWAText("state") else {
                action = .notifyComposing(.composing)
                return
            }
            guard let state = CWAComposingState(rawValue: raw) else {
                throw .invalidValue(here + "/state", value: raw)
            }
            action = .notifyComposing(state)
        case "inviteParticipants": action = .inviteParticipants(uris: try Self.uris(in: request, path: here))
        case "ejectParticipant": action = .ejectParticipant(uri: try request.requiredCWAText("uri", path: here))
        case "acceptImSession": action = .acceptImSession
        case "terminateImSession": action = .terminateImSession
        default: throw .unknownElement(request, path: path)
        }
    }

    private static func uris(in element: XMLElement, path: String) throws(CWACodecError) -> [String] {
        let list = try element.requiredCWAChild("uris", path: path)
        var uris: [String] = []
        for uri in list.cwaChildren("uri") {
            let text = uri.text.trimmingCWAWhitespace()
            guard !text.isEmpty else { throw .invalidValue(path + "/uris/uri", value: uri.text) }
            uris.append(text)
        }
        guard !uris.isEmpty else { throw .missingElement(path + "/uris/uri") }
        return uris
    }
}
