import Foundation
import NatterModel

public enum ChatEvent: Sendable, Equatable {
    case received(Message)
    case acked(localID: String, serverKey: String?, timestamp: Date?)
    case failed(localID: String, reason: String)
    case edited(serverKey: String, text: String)
    case deleted(serverKey: String)
    case typing(ConversationID, JID, Bool)
    case historyLoaded(ConversationID, [Message], hasMore: Bool)
    case historyFailed(ConversationID, reason: String)
    /// Messages that arrived while disconnected, oldest first.
    case caughtUp([Message], hasMore: Bool)
    /// Where the user's read position in a conversation is, as another of their clients (or the server on
    /// resume) reports it.
    case readMarker(ConversationID, key: String)
}
