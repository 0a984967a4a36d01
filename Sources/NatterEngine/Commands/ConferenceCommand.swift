import NatterModel

/// Messages and typing in a conference go as `ChatCommand.send` and `.typing` to its `ConversationID`.
public enum ConferenceCommand: Sendable, Equatable {
    case start(subject: String, with: [JID], message: String)
    case invite(conference: String, JID)
    case eject(conference: String, JID)
    case accept(String)
    case decline(String)
    case leave(String)
}
