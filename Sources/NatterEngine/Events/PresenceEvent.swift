import Foundation
import NatterModel

public enum PresenceEvent: Sendable, Equatable {
    case changed(JID, Presence, status: String?, since: Date?)
}
