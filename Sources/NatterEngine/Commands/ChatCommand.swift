import NatterModel

public enum ChatCommand: Sendable, Equatable {
    case send(localID: String, to: ConversationID, text: String)
    case typing(ConversationID, composing: Bool)
    case fetchHistory(ConversationID, before: String?, limit: Int)
    /// Everything newer than the adapter's own cursor across all conversations: what arrived while away.
    case catchUp(after: ResumeCursor, limit: Int)
    /// The user has read the conversation up to the message with this server key (synced to their other clients).
    case markRead(ConversationID, key: String)
    case edit(ConversationID, serverKey: String, text: String)
    case delete(ConversationID, serverKey: String)
}
