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
            // A link that gave up (refused login) is attached but dead: connecting it again is what the user means.
            let gaveUp = accountState.attachedAdapters.allSatisfy {
                if case .offline = $0.connection { true } else { false }
            }
            guard accountState.attachedAdapters.isEmpty || gaveUp else {
                post(
                    .info, "\(account) is already connected (\(accountState.connection.summary(now: now)))", at: now,
                    in: &state)
                return []
            }
            post(.info, "connecting \(account)…", at: now, in: &state)
            return accountState.attachedAdapters.isEmpty
                ? [.connect(account)] : [.disconnect(account), .connect(account)]
        case .reconnect(let account):
            guard let accountState = state.accounts[account] else {
                post(.error, "/reconnect: there is no account named \(account)", at: now, in: &state)
                return []
            }
            post(.info, "reconnecting \(account) now…", at: now, in: &state)
            // The last error stays until the new attempt reports: the connector reads it to know a refused
            // password must be asked for again rather than reused.
            return accountState.attachedAdapters.isEmpty
                ? [.connect(account)] : [.disconnect(account), .connect(account)]
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
