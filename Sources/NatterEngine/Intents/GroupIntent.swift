import Foundation
import NatterModel

public enum GroupIntent: Sendable, Equatable {
    case assign(JID, groups: [String], account: AccountID)
    case rename(from: String, to: String, account: AccountID)
    case delete(String, account: AccountID)
    case create(String, account: AccountID)
    case addDistribution(address: String, name: String, account: AccountID)
}
