import NatterModel

/// Work for a protocol adapter, produced by the reducer.
public enum AdapterCommand: Sendable, Equatable {
    case sendChat(localID: String, to: ConversationID, text: String)
    case setPresence(Presence, status: String?)
    case typing(ConversationID, composing: Bool)
    case joinRoom(JID)
    case leaveRoom(JID)
    case fetchHistory(ConversationID, before: String?, limit: Int)
    /// Everything newer than `after` across all conversations: what arrived while we were away.
    case catchUp(after: String, limit: Int)
}
