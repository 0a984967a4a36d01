import NatterModel

/// Messages in a thread go as `ChatCommand.send` to its `ConversationID`, history as `ChatCommand.fetchHistory`.
public enum ThreadCommand: Sendable, Equatable {
    /// Into `thread`, or, without one, into a new thread with `peer` (the 1:1 chat's) or with nobody else yet.
    case invite(JID, text: String, thread: String?, peer: JID?)
    case join(String)
    case leave(String)
}
