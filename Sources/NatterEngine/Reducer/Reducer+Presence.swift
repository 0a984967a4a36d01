import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: PresenceIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .set(let presence, let status, let only):
            let targets = only.map { [$0] } ?? state.sortedAccounts.map(\.id)
            var effects: [Effect] = []
            for account in targets where state.accounts[account] != nil {
                state.accounts[account]!.presence = presence
                state.accounts[account]!.statusText = status
                // Sent now where online; every adapter announces the account's presence again on login.
                effects += send(.presence(.set(presence, status: status)), on: account, in: &state, now: now)
            }
            if let only, state.accounts[only] == nil {
                post(.error, "there is no account named \(only)", at: now, in: &state)
            } else {
                post(
                    .info, "\(only.map { prefix($0, in: state) } ?? "")presence set to \(presence.label)", at: now,
                    in: &state)
            }
            return effects
        }
    }

    func apply(_ event: PresenceEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .changed(let jid, let presence, let status, let since):
            let bare = jid.bare
            guard bare != state.accounts[source.account]?.identity?.bare else { return [] }
            let before = state.contacts[bare]?.presence
            // In place: a presence storm must not copy each contact's sources on every change.
            state.contacts[bare, default: Contact(jid: bare)].report(
                presence, status: status, since: since ?? now, from: source)
            if presence == .unavailable { clearTyping(of: bare, on: source.account, in: &state) }
            if let before, let after = state.contacts[bare]?.presence, before != after {
                notePresence(of: bare, as: after, on: source.account, state: &state, now: now)
            }
            return []
        }
    }
}
