import Foundation
import NatterModel

public enum ConferenceIntent: Sendable, Equatable {
    case start(subject: String, with: [JID], account: AccountID)
    case invite(ConversationID, JID)
    case leave(ConversationID)
}
