import NatterWire

/// One event of one conference, as `<conference confId>` carries it in `<cwaEvents>`.
public struct CWAConferenceEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An invitation: who invites, who else is in it, the subject and the first message.
        case imSessionReceived(sender: String, participants: [String], subject: String?, message: CWAMessage)
        case imSessionState(CWAImSessionState)
        case messageReceived(sender: String, message: CWAMessage)
        case composingState(sender: String, state: CWAComposingState)
        case participant(uri: String, state: CWAParticipantState)
    }

    public var confId: String
    public var kind: Kind

    public init(confId: String, kind: Kind) {
        self.confId = confId
        self.kind = kind
    }

    func element(_ namespaced: Bool) -> XMLElement {
        cwaElement("conference", namespaced, attributes: ["confId": confId]) { kind.element(namespaced) }
    }
}
