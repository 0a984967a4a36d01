import NatterModel

public enum ChannelCommand: Sendable, Equatable {
    case join(String)
    case leave(String)
    case setRole(channel: String, member: JID, role: Member.Role)
    case create(name: String, inviteToken: String?)
    case invite(channel: String, member: JID, admin: Bool)
    case kick(channel: String, member: JID)
    case rename(channel: String, name: String)
    case members(channel: String)
    /// Read receipts for messages others sent, by their ids.
    case markRead(channel: String, messageIDs: [String])
    /// Display receipts for messages others sent, by their ids.
    case markDisplayed(channel: String, messageIDs: [String])
}
