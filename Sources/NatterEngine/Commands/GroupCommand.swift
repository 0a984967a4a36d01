import NatterModel

public enum GroupCommand: Sendable, Equatable {
    case assign(JID, groups: [String])
    case rename(from: String, to: String)
    case delete(String)
}
