import NatterWire

extension CWAConferenceEvent.Kind {
    func element(_ namespaced: Bool) -> XMLElement {
        switch self {
        case .imSessionReceived(let sender, let participants, let subject, let message):
            return cwaElement("imSessionReceived", namespaced, attributes: ["sender": sender]) {
                if !participants.isEmpty {
                    cwaElement("uris", namespaced) {
                        for uri in participants { cwaElement("uri", namespaced, text: uri) }
                    }
                }
                if let subject { cwaElement("subject", namespaced, text: subject) }
                message.element(namespaced)
            }
        case .imSessionState(let state):
            return cwaElement("imSessionState", namespaced, text: state.rawValue)
        case .messageReceived(let sender, let message):
            return cwaElement("messageReceived", namespaced, attributes: ["sender": sender]) {
                message.element(namespaced)
            }
        case .composingState(let sender, let state):
            return cwaElement("composingState", namespaced, attributes: ["sender": sender], text: state.rawValue)
        case .participant(let uri, let state):
            return cwaElement("participant", namespaced, attributes: ["uri": uri], text: state.rawValue)
        }
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        guard element.isCWA else { throw .unknownElement(element, path: path) }
        let here = path + "/" + element.name
        let text = element.text.trimmingCWAWhitespace()
        switch element.name {
        case "imSessionReceived":
            let participants = element.cwaChild("uris")?.cwaChildren("uri").map { $0.text.trimmingCWAWhitespace() }
            self = .imSessionReceived(
                sender: try element.requiredAttribute("sender", path: here), participants: participants ?? [],
                subject: element.optionalCWAText("subject"),
                message: try CWAMessage(
                    parsing: try element.requiredCWAChild("message", path: here), path: here + "/message"))
        case "imSessionState":
            guard let state = CWAImSessionState(rawValue: text) else { throw .invalidValue(here, value: text) }
            self = .imSessionState(state)
        case "messageReceived":
            self = .messageReceived(
                sender: try element.requiredAttribute("sender", path: here),
                message: try CWAMessage(
                    parsing: try element.requiredCWAChild("message", path: here), path: here + "/message"))
        case "composingState":
            guard let state = CWAComposingState(rawValue: text) else { throw .invalidValue(here, value: text) }
            self = .composingState(sender: try element.requiredAttribute("sender", path: here), state: state)
        case "participant":
            guard let state = CWAParticipantState(rawValue: text) else { throw .invalidValue(here, value: text) }
            self = .participant(uri: try element.requiredAttribute("uri", path: here), state: state)
        default:
            throw .unknownElement(element, path: path)
        }
    }
}
