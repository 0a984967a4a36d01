import Foundation
import NatterEngine
import NatterModel

extension CommandParser {
    /// `/accounts`: one console line per account with its protocols, state and last error.
    func accounts(state: ClientState) -> [AppAction] {
        guard !state.accounts.isEmpty else { return [Self.error("/accounts: no accounts configured")] }
        var actions: [AppAction] = [.dispatch(.activate(.console))]
        for account in state.sortedAccounts {
            actions.append(.dispatch(.notice(.info(Self.describe(account)))))
        }
        return actions
    }

    /// `work (realtime) as alice@a.test: reconnecting (attempt 2) — last error: refused`. No countdown: the line
    /// stays in the console, where a number of seconds would soon be wrong; the status bar counts down instead.
    static func describe(_ account: AccountState) -> String {
        // Configured protocols that no adapter carries (natter does not speak them yet, or they failed to start)
        // are named apart, so the list never promises more than this run does.
        let carried = account.protocols.filter { account.adapters[$0] != nil }
        let missing = account.protocols.filter { account.adapters[$0] == nil }
        var protocols = carried.map(\.rawValue).joined(separator: ", ")
        if !missing.isEmpty && !carried.isEmpty {
            protocols += "; not carried: " + missing.map(\.rawValue).joined(separator: ", ")
        } else if carried.isEmpty {
            protocols = account.protocols.map(\.rawValue).joined(separator: ", ")
        }
        var line = "\(account.id) (\(protocols))"
        if let identity = account.identity { line += " as \(identity.bareString)" }
        switch account.connection {
        case .reconnecting(let attempt, _, _): line += ": reconnecting (attempt \(attempt))"
        case .offline: line += ": offline"
        case .connecting, .online: line += ": " + account.connection.summary()
        }
        if let error = account.lastError {
            line += " — last error: " + TextSanitizer.line(error)
        }
        return line
    }

    enum AccountAction: String {
        case connect
        case disconnect
        case reconnect
    }

    /// `/connect NAME` and `/disconnect NAME`; without a name, the only account if there is one.
    func account(_ action: AccountAction, _ arguments: [String], state: ClientState) -> [AppAction] {
        let verb = action.rawValue
        let id: AccountID
        if let name = arguments.first {
            id = AccountID(name)
        } else if state.accounts.count == 1, let only = state.accounts.keys.first {
            id = only
        } else {
            return [
                Self.error(
                    "usage: /\(verb) NAME (one of: \(state.sortedAccounts.map(\.id.rawValue).joined(separator: ", ")))")
            ]
        }
        switch action {
        case .connect: return [.dispatch(.accounts(.connect(id)))]
        case .disconnect: return [.dispatch(.accounts(.disconnect(id)))]
        case .reconnect: return [.dispatch(.accounts(.reconnect(id)))]
        }
    }
}
