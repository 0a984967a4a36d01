import Foundation
import NatterModel

public enum AccountIntent: Sendable, Equatable {
    case connect(AccountID)
    case disconnect(AccountID)
}
