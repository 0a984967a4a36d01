import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: SubscriptionIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .subscribe(let jid, let name, let groups, let account):
            return send(
                .subscriptions(.subscribe(jid.bare, name: name, groups: groups)), on: account, in: &state, now: now)
        case .unsubscribe(let jid, let account):
            return send(.subscriptions(.unsubscribe(jid.bare)), on: account, in: &state, now: now)
        case .authorize(let jid, let addBack, let account):
            state.subscriptionRequests[account]?.remove(jid.bare)
            return send(.subscriptions(.authorize(jid.bare, addBack: addBack)), on: account, in: &state, now: now)
        case .deny(let jid, let account):
            state.subscriptionRequests[account]?.remove(jid.bare)
            return send(.subscriptions(.deny(jid.bare)), on: account, in: &state, now: now)
        case .block(let address, let account):
            return send(.subscriptions(.block(address)), on: account, in: &state, now: now)
        case .allow(let address, let account):
            return send(.subscriptions(.allow(address)), on: account, in: &state, now: now)
        case .listBlocked(let account):
            return send(.subscriptions(.listBlocked), on: account, in: &state, now: now)
        }
    }

    /// A request is kept until answered and shown as a prompt in the status bar and the console.
    func apply(_ event: SubscriptionEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .requested(let jid):
            guard state.subscriptionRequests[source.account, default: []].insert(jid.bare).inserted else { return [] }
            let who = state.contacts[jid.bare]?.displayName ?? jid.bare.description
            let account = state.hasSeveralAccounts ? " (\(source.account))" : ""
            post(
                .info,
                "\(who) <\(jid.bare)> asks to see your presence\(account): /authorize \(jid.bare) [back] or /deny \(jid.bare)",
                at: now, in: &state)
        case .blocked(let addresses):
            post(
                .info, addresses.isEmpty ? "nobody is blocked" : "blocked: " + addresses.joined(separator: ", "),
                at: now, in: &state)
        }
        return []
    }
}
