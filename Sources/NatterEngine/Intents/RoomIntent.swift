import Foundation
import NatterModel

public enum RoomIntent: Sendable, Equatable {
    case join(JID, account: AccountID)
    case leave(JID, account: AccountID)
}
