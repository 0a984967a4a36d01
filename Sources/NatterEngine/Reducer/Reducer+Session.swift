import Foundation
import NatterModel

extension Reducer {
    func apply(_ event: SessionEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        let account = source.account
        if state.accounts[account] == nil {
            state.accounts[account] = AccountState(id: account, protocols: [source.protocolKind], domain: "natter.test")
        }
        switch event {
        case .attached(let capabilities):
            state.accounts[account]!.adapters[source.protocolKind] = AdapterState(
                protocolKind: source.protocolKind, capabilities: capabilities)
        case .detached:
            state.accounts[account]!.adapters[source.protocolKind]?.isAttached = false
            state.accounts[account]!.adapters[source.protocolKind]?.connection = .offline(reason: nil)
            state.accounts[account]!.adapters[source.protocolKind]?.isSynchronized = false
            state.accounts[account]!.adapters[source.protocolKind]?.isAuthenticated = false
            clearTyping(on: account, in: &state)
        case .connection(let connection):
            return connectionChanged(to: connection, from: source, in: &state, now: now)
        case .authenticated(let jid):
            return authenticated(as: jid, from: source, in: &state, now: now)
        case .synchronized:
            state.accounts[account]!.adapters[source.protocolKind]?.isSynchronized = true
        case .resumeCursor(let cursor):
            state.accounts[account]!.cursors[source.protocolKind] = cursor
            return [.saveCursor(cursor, for: source)]
        case .notice(let notice):
            var stamped = notice
            stamped.text = prefix(account, in: state) + notice.text
            post(stamped, in: &state)
        }
        return []
    }

    private func connectionChanged(
        to connection: ConnectionState, from source: SourceKey, in state: inout ClientState, now: Date
    ) -> [Effect] {
        let account = source.account
        guard state.accounts[account]!.adapters[source.protocolKind]?.isAttached == true else {
            // An adapter that never started (a failing password command) still leaves its reason for `/accounts`.
            if case .offline(let reason?) = connection {
                state.accounts[account]!.lastError = reason
                post(.error, prefix(account, in: state) + reason + retryHint(account, in: state), at: now, in: &state)
            }
            return []
        }
        let wasOnline = state.accounts[account]!.adapters[source.protocolKind]!.connection.isOnline
        state.accounts[account]!.adapters[source.protocolKind]!.connection = connection
        let label = prefix(account, in: state)
        if !connection.isOnline {
            // Indicators from a dead link would otherwise linger until their lapse.
            state.accounts[account]!.adapters[source.protocolKind]!.isSynchronized = false
            state.accounts[account]!.adapters[source.protocolKind]!.isAuthenticated = false
            clearTyping(on: account, in: &state)
        }
        switch connection {
        case .reconnecting(let attempt, let retryAt, let reason):
            let previous = state.accounts[account]!.lastError
            state.accounts[account]!.lastError = reason
            // Every failure reaches the console, not only the status bar; the same one again is said once.
            if wasOnline {
                post(.warning, "\(label)connection lost: \(reason)", at: now, in: &state)
            } else if reason != previous || attempt == 1 {
                post(.warning, "\(label)cannot connect: \(reason); trying again (/reconnect: now)", at: now, in: &state)
            }
            return [.wake(at: retryAt)]
        case .offline(let reason?):
            state.accounts[account]!.lastError = reason
            post(.error, label + reason + retryHint(account, in: state), at: now, in: &state)
        case .offline(nil), .connecting, .online:
            break
        }
        return []
    }

    /// A link that gave up waits for the user: say what brings it back once the cause is fixed.
    private func retryHint(_ account: AccountID, in state: ClientState) -> String {
        state.hasSeveralAccounts ? " — when fixed, /reconnect \(account)" : " — when fixed, /reconnect"
    }

    /// On every (re)authentication of one adapter: announce presence, rejoin rooms, flush the outbox once, then
    /// fetch what was missed — all for this adapter's account only, and only what routes to this adapter. Resends
    /// go first so the server's copies of them come back as duplicates of known messages.
    private func authenticated(
        as jid: JID, from source: SourceKey, in state: inout ClientState, now: Date
    )
        -> [Effect]
    {
        let account = source.account
        state.accounts[account]!.identity = jid
        state.accounts[account]!.domain = jid.domain
        if state.accounts[account]!.adapters[source.protocolKind] == nil {
            state.accounts[account]!.adapters[source.protocolKind] = AdapterState(
                protocolKind: source.protocolKind, capabilities: [])
        }
        let cameBack = state.accounts[account]!.adapters[source.protocolKind]!.hasAuthenticated
        let siblingsSignedIn = state.accounts[account]!.adapters.values.contains {
            $0.protocolKind != source.protocolKind && $0.isAuthenticated
        }
        state.accounts[account]!.adapters[source.protocolKind]!.connection = .online
        state.accounts[account]!.adapters[source.protocolKind]!.isAuthenticated = true
        state.accounts[account]!.adapters[source.protocolKind]!.hasAuthenticated = true
        state.accounts[account]!.adapters[source.protocolKind]!.isSynchronized = false
        state.accounts[account]!.adapters[source.protocolKind]!.catchUpPages = 0
        // One line per account, not one per protocol link; a link that was lost on its own says it is back.
        if !siblingsSignedIn {
            post(.info, "\(prefix(account, in: state))connected as \(jid)", at: now, in: &state)
        } else if cameBack {
            post(
                .info, "\(prefix(account, in: state))\(source.protocolKind.rawValue) link is back", at: now, in: &state)
        }

        var effects: [Effect] = []
        let me = state.accounts[account]!
        let presence = AdapterCommand.presence(.set(me.presence, status: me.statusText))
        if routes(presence, for: nil, to: source, in: state) {
            effects.append(.adapter(source, presence))
        } else if me.presence != .available || me.statusText != nil,
            case .ready(let owner) = route(presence, on: account, for: nil, in: state), owner != source
        {
            // Signing in on another door (a CWA logon, a channels announce) reads as "online" to the server, and
            // the latest word wins there: say the chosen presence again after it, or a reconnect would lose it.
            effects.append(.adapter(owner, presence))
        }
        for case .conversation(let id) in state.windows where id.account == account {
            guard case .room(let room) = id.target else { continue }
            let join = AdapterCommand.rooms(.join(room))
            guard routes(join, for: id, to: source, in: state) else { continue }
            // The server answers a join with who is there now: those who left meanwhile must not linger.
            state.rooms[id]?.joined = false
            state.conversations[id]?.occupants = []
            effects.append(.adapter(source, join))
        }
        for message in pendingOutgoing(on: account, in: state) {
            let resend = AdapterCommand.chat(.send(localID: message.id, to: message.conversation, text: message.text))
            if routes(resend, for: message.conversation, to: source, in: state) {
                effects.append(.adapter(source, resend))
            }
        }
        effects += refreshGateways(after: source, in: state)
        if let cursor = me.cursors[source.protocolKind] {
            effects.append(.adapter(source, .chat(.catchUp(after: cursor, limit: catchUpPageSize))))
        } else {
            for case .conversation(let id) in state.windows where id.account == account && id.jid != nil {
                let fetch = AdapterCommand.chat(.fetchHistory(id, before: nil, limit: historyPageSize))
                guard routes(fetch, for: id, to: source, in: state) else { continue }
                state.conversations[id]?.isLoadingHistory = true
                effects.append(.adapter(source, fetch))
            }
        }
        return effects
    }
}
