import Foundation
import NatterModel

/// Where a command goes: exactly one adapter, or nowhere with a reason. Never every adapter.
enum Route: Equatable {
    /// The adapter is attached and online.
    case ready(SourceKey)
    /// An adapter of the account could do it but is not online now (or not attached yet).
    case offline
    /// No adapter of the account can do it; the text says why, for the user.
    case unable(String)
}

extension Reducer {
    /// The conversation's owner when it has one that can do the command, else the account's first attached adapter,
    /// in the capability table's order, that declares the capability.
    func route(
        _ command: AdapterCommand, on account: AccountID, for conversation: ConversationID?, in state: ClientState
    )
        -> Route
    {
        guard let accountState = state.accounts[account] else { return .unable("there is no account named \(account)") }
        let capability = command.capability
        let candidates =
            (conversation.flatMap { state.owners[$0] }.map { [$0] } ?? [])
            + (conversation.flatMap { soleLister(of: $0, in: state) }.map { [$0] } ?? [])
            + capability.preferredProtocols
        for protocolKind in candidates {
            guard let adapter = accountState.adapters[protocolKind], adapter.isAttached,
                adapter.capabilities.contains(capability)
            else { continue }
            let key = SourceKey(account: account, protocolKind: protocolKind)
            return adapter.connection.isOnline ? .ready(key) : .offline
        }
        // Not attached (not started yet, failed to start, or disconnected): an account configured with a protocol
        // that could do it waits for that adapter instead of refusing.
        if accountState.attachedAdapters.isEmpty,
            accountState.protocols.contains(where: capability.preferredProtocols.contains)
        {
            return .offline
        }
        let wanted = capability.preferredProtocols.map(\.rawValue).joined(separator: " or ")
        return .unable("\(account) cannot do \(capability.label): that needs \(wanted), which it does not use")
    }

    /// The one protocol of the account that lists a 1:1 conversation's contact, when only one does: a contact
    /// reached through a gateway (docs/protocols/gateways.md) is known to the Roster adapter alone.
    func soleLister(of conversation: ConversationID, in state: ClientState) -> ProtocolKind? {
        guard case .direct(let jid) = conversation.target, let contact = state.contacts[jid.bare] else { return nil }
        let listers = Set(
            contact.sources.filter { $0.account == conversation.account && $0.onRoster }.map(\.protocolKind))
        return listers.count == 1 ? listers.first : nil
    }

    /// Routes a command that is simply dropped while offline (it is re-sent on login where that matters).
    func send(
        _ command: AdapterCommand, on account: AccountID, for conversation: ConversationID? = nil,
        in state: inout ClientState, now: Date
    ) -> [Effect] {
        switch route(command, on: account, for: conversation, in: state) {
        case .ready(let key): return [.adapter(key, command)]
        case .offline: return []
        case .unable(let reason):
            post(.error, reason, at: now, in: &state)
            return []
        }
    }

    /// Whether `source` is where `command` on its account would go now; login uses it to re-send only what is its.
    func routes(
        _ command: AdapterCommand, for conversation: ConversationID?, to source: SourceKey, in state: ClientState
    )
        -> Bool
    {
        route(command, on: source.account, for: conversation, in: state) == .ready(source)
    }

    /// `work: ` when several accounts are configured, so a notice says which one it is about.
    func prefix(_ account: AccountID, in state: ClientState) -> String {
        state.hasSeveralAccounts ? "\(account): " : ""
    }
}
