import Foundation
import NatterModel

public enum RosterIntent: Sendable, Equatable {
    case add(JID, name: String?, groups: [String], account: AccountID)
    case remove(JID, account: AccountID)
    case rename(JID, name: String, account: AccountID)
}
