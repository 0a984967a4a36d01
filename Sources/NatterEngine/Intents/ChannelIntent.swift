import Foundation
import NatterModel

public enum ChannelIntent: Sendable, Equatable {
    case join(ConversationID)
    case leave(ConversationID)
    case setRole(ConversationID, member: JID, role: Member.Role)
}
