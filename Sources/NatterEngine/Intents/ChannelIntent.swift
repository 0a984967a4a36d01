import Foundation
import NatterModel

public enum ChannelIntent: Sendable, Equatable {
    case join(ConversationID)
    case leave(ConversationID)
    case setRole(ConversationID, member: JID, role: Member.Role)
    /// A new channel on `account`; a non-empty `inviteToken` of an existing channel joins that one instead.
    case create(account: AccountID, name: String, inviteToken: String?)
    case invite(ConversationID, member: JID, admin: Bool)
    /// Removes another member (administrators only); kicking yourself is `leave`.
    case kick(ConversationID, member: JID)
    case rename(ConversationID, name: String)
    /// Asks the server for the current member list with roles and availability.
    case members(ConversationID)
    /// The window is focused and the user is at it: every message that owes a receipt there is read.
    case markRead(ConversationID)
    /// These messages are on screen; `read` when the user is at the window, which makes them read as well.
    /// Each message is reported once: ids that owe nothing more are ignored.
    case displayed(ConversationID, messageIDs: [String], read: Bool)
}
