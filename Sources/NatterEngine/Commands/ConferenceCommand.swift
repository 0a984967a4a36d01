import NatterModel

public enum ConferenceCommand: Sendable, Equatable {
    case start(subject: String, with: [JID])
    case invite(conference: String, JID)
    case leave(String)
}
