import NatterModel

public enum RoomCommand: Sendable, Equatable {
    case join(JID)
    case leave(JID)
}
