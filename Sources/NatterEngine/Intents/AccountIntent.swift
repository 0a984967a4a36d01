import Foundation
import NatterModel

public enum AccountIntent: Sendable, Equatable {
    case connect(AccountID)
    case disconnect(AccountID)
    /// Drops the account's link, whatever it is doing (waiting out a backoff, given up), and connects afresh now.
    case reconnect(AccountID)
}
