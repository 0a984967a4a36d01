import Foundation
import NatterModel

public enum PresenceIntent: Sendable, Equatable {
    /// On one account, or on every account when nil.
    case set(Presence, status: String?, account: AccountID?)
}
