import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: RosterIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .add(let jid, let name, let groups, let account):
            send(.roster(.add(jid.bare, name: name, groups: groups)), on: account, in: &state, now: now)
        case .remove(let jid, let account):
            send(.roster(.remove(jid.bare)), on: account, in: &state, now: now)
        case .rename(let jid, let name, let account):
            send(.roster(.rename(jid.bare, name: name)), on: account, in: &state, now: now)
        }
    }

    func apply(_ intent: GroupIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .assign(let jid, let groups, let account):
            send(.groups(.assign(jid.bare, groups: groups)), on: account, in: &state, now: now)
        case .rename(let from, let to, let account):
            send(.groups(.rename(from: from, to: to)), on: account, in: &state, now: now)
        case .delete(let group, let account):
            send(.groups(.delete(group)), on: account, in: &state, now: now)
        case .create(let group, let account):
            send(.groups(.create(group)), on: account, in: &state, now: now)
        case .addDistribution(let address, let name, let account):
            send(.groups(.addDistribution(address: address, name: name)), on: account, in: &state, now: now)
        }
    }

    /// A roster replaces what its own source said before and nothing else: names, groups and presence from other
    /// adapters and accounts stay.
    func apply(_ event: RosterEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .loaded(let contacts):
            // A first roster of thousands must not pay for rehashing as the dictionary grows.
            state.contacts.reserveCapacity(state.contacts.count + contacts.count)
            for contact in contacts {
                let name = contact.displayName == contact.jid.local ? nil : contact.displayName
                state.contacts[contact.jid, default: Contact(jid: contact.jid)].list(
                    name: name, groups: contact.groups, reference: contact.sources.first?.reference,
                    awaitingAuthorization: contact.awaitingAuthorization, from: source)
                if !state.conversations.isEmpty {
                    let title = state.contacts[contact.jid]!.displayName
                    state.conversations[.direct(contact.jid, account: source.account)]?.title = title
                }
            }
            let previous = state.rosterEntries[source] ?? []
            if !previous.isEmpty {
                let listed = Set(contacts.map(\.jid))
                for jid in previous where !listed.contains(jid) {
                    state.contacts[jid]?.unlist(from: source)
                    if state.contacts[jid]?.sources.isEmpty == true { state.contacts[jid] = nil }
                }
            }
            state.rosterEntries[source] = contacts.map(\.jid)
            return []
        case .groups(let names):
            state.rosterGroups[source] = names
            return []
        }
    }
}
