import NatterModel

public enum ChannelCommand: Sendable, Equatable {
    case join(String)
    case leave(String)
    case setRole(channel: String, member: JID, role: Member.Role)
}
