import Foundation
import NatterModel

public enum RoomEvent: Sendable, Equatable {
    case listed([RoomInfo])
    case joined(JID)
    case occupant(room: JID, user: JID, Presence)
}
