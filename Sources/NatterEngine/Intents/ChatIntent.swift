import Foundation
import NatterModel

public enum ChatIntent: Sendable, Equatable {
    case send(text: String, to: ConversationID)
    /// The user is (or stopped) typing in a conversation.
    case composing(ConversationID, Bool)
    case loadOlderHistory(ConversationID)
    /// `/edit text`: replaces the text of the user's newest sent message in the conversation.
    case editLast(ConversationID, text: String)
    /// `/delete`: deletes the user's newest sent message in the conversation.
    case deleteLast(ConversationID)
    /// `/retry`: sends the newest failed (✗) message of the conversation again.
    case retryFailed(ConversationID)
    /// `/cancel`: drops the newest pending (⧗) message of the conversation from the outbox.
    case cancelPending(ConversationID)
}
