import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: AccountIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .connect(let account):
            guard let accountState = state.accounts[account] else {
                post(.error, "/connect: there is no account named \(account)", at: now, in: &state)
                return []
            }
            guard accountState.attachedAdapters.isEmpty else {
                post(
                    .info, "\(account) is already connected (\(accountState.connection.summary(now: now)))", at: now,
                    in: &state)
                return []
            }
            state.accounts[account]!.lastError = nil
            post(.info, "connecting \(account)…", at: now, in: &state)
            return [.connect(account)]
        case .disconnect(let account):
            guard let accountState = state.accounts[account] else {
                post(.error, "/disconnect: there is no account named \(account)", at: now, in: &state)
                return []
            }
            guard !accountState.attachedAdapters.isEmpty else {
                post(.info, "\(account) is not connected", at: now, in: &state)
                return []
            }
            post(.info, "disconnecting \(account)", at: now, in: &state)
            return [.disconnect(account)]
        }
    }
}
