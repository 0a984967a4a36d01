import NatterModel

public enum PresenceCommand: Sendable, Equatable {
    case set(Presence, status: String?)
}
