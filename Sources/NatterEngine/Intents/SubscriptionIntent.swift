import Foundation
import NatterModel

/// Presence subscriptions and blocking (the Zimbra IM adapter carries them).
public enum SubscriptionIntent: Sendable, Equatable {
    /// Ask to see `jid`'s presence, listing them under `name` in `groups`.
    case subscribe(JID, name: String?, groups: [String], account: AccountID)
    case unsubscribe(JID, account: AccountID)
    /// Answer a request; `addBack` also lists the asker and subscribes to them.
    case authorize(JID, addBack: Bool, account: AccountID)
    case deny(JID, account: AccountID)
    /// A user's address or a whole domain.
    case block(String, account: AccountID)
    case allow(String, account: AccountID)
    case listBlocked(account: AccountID)
}
