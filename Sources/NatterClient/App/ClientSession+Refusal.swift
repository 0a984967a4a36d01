import NatterEngine
import NatterModel
import NatterProtocols

extension ClientSession {
    /// Whether any of the account's adapters was refused the password. An account signs in at several doors, and
    /// the one that reported last need not be the one that said why.
    static func passwordWasRefused(_ account: AccountState) -> Bool {
        let reasons =
            [account.lastError]
            + account.adapters.values.map { adapter -> String? in
                if case .offline(let reason) = adapter.connection { reason } else { nil }
            }
        return reasons.contains { $0?.hasPrefix(LoginError.rejected.description) == true }
    }
}
