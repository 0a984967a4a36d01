import Foundation
import NatterModel

public enum ChatIntent: Sendable, Equatable {
    case send(text: String, to: ConversationID)
    /// The user is (or stopped) typing in a conversation.
    case composing(ConversationID, Bool)
    case loadOlderHistory(ConversationID)
}
