import NatterModel

public enum RosterCommand: Sendable, Equatable {
    case add(JID, name: String?, groups: [String])
    case remove(JID)
    case rename(JID, name: String)
}
