import Foundation
import NatterModel

/// Gateways onto other chat servers: the services and their states, kept per account for the gateways window
/// (`/gateways`), which shows them live. The console only hears of what needs the user (`bad_auth`, `disabled`,
/// `otherLocation`), so a user looking elsewhere still learns of it while routine transitions stay quiet.
extension Reducer {
    /// States the user must act on; each is said once in the console when a registration enters it.
    static let gatewayAttentionStates: Set<String> = ["bad_auth", "disabled"]

    func apply(_ intent: GatewayIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .open:
            ensureWindow(.gateways, in: &state)
            activate(.gateways, in: &state)
            return listGateways(in: &state, now: now)
        case .list(let account):
            return send(.gateways(.list), on: account, in: &state, now: now)
        case .register(let service, let name, let password, let account):
            return send(
                .gateways(.register(service: service, name: name, password: password)), on: account, in: &state,
                now: now)
        case .unregister(let service, let account):
            return send(.gateways(.unregister(service: service)), on: account, in: &state, now: now)
        case .reconnect(let service, let account):
            return send(.gateways(.reconnect(service: service)), on: account, in: &state, now: now)
        }
    }

    /// Asks every account whose adapter is online for its services. Accounts that cannot have gateways are left to
    /// the view to explain; only when no account can is it an error.
    private func listGateways(in state: inout ClientState, now: Date) -> [Effect] {
        var effects: [Effect] = []
        var reasons: [String] = []
        for account in state.sortedAccounts {
            switch route(.gateways(.list), on: account.id, for: nil, in: state) {
            case .ready(let key): effects.append(.adapter(key, .gateways(.list)))
            case .offline: break
            case .unable(let reason): reasons.append(reason)
            }
        }
        if reasons.count == state.accounts.count, let first = reasons.first {
            post(.error, first, at: now, in: &state)
        }
        return effects
    }

    /// After a (re)login, the open gateways window is brought up to date, since what it shows may have moved
    /// while the link was down.
    func refreshGateways(after source: SourceKey, in state: ClientState) -> [Effect] {
        guard state.windows.contains(.gateways), routes(.gateways(.list), for: nil, to: source, in: state) else {
            return []
        }
        return [.adapter(source, .gateways(.list))]
    }

    func apply(_ event: GatewayEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        let label = prefix(source.account, in: state)
        switch event {
        case .services(let services):
            let previous = state.gateways[source.account] ?? []
            state.gateways[source.account] = services.map { service in
                var merged = service
                // The list does not carry `otherLocation`; it holds for as long as the same connection is up.
                if let old = previous.first(where: { $0.service == service.service }), old.state == service.state {
                    merged.otherLocation = old.otherLocation
                }
                return merged
            }
        case .status(let service, let gatewayState, let wait):
            var services = state.gateways[source.account] ?? []
            let nextConnect = wait.map { now.addingTimeInterval(Double($0) / 1000) }
            let index = services.firstIndex { $0.service == service }
            let previousState = index.flatMap { services[$0].state }
            var entry = index.map { services[$0] } ?? GatewayStatus(service: service)
            entry.state = gatewayState
            entry.nextConnect = nextConnect
            if gatewayState != "online" { entry.otherLocation = nil }
            if let index { services[index] = entry } else { services.append(entry) }
            state.gateways[source.account] = services
            if Self.gatewayAttentionStates.contains(gatewayState), previousState != gatewayState {
                let account = state.hasSeveralAccounts ? source.account : nil
                post(.warning, label + Self.describe(entry, account: account), at: now, in: &state)
            }
            // A registration made, replaced or dropped, or a service not listed yet: the list has its remote name.
            if index == nil || entry.remoteName == nil || ["start", "shutdown"].contains(gatewayState) {
                return send(.gateways(.list), on: source.account, in: &state, now: now)
            }
        case .otherLocation(let service, let username):
            var services = state.gateways[source.account] ?? []
            if let index = services.firstIndex(where: { $0.service == service }) {
                services[index].otherLocation = username
            } else {
                services.append(GatewayStatus(service: service, otherLocation: username))
            }
            state.gateways[source.account] = services
            post(
                .warning, "\(label)gateway \(service): \(username) is also signed in from another client", at: now,
                in: &state)
        }
        return []
    }

    /// `gateway b (bob): bad auth (/gateway reg b NAME with the right password)`: a state the user must act on.
    /// With several accounts the hints name the account, as `/gateway` otherwise acts on the current one.
    static func describe(_ service: GatewayStatus, account: AccountID? = nil) -> String {
        let name = service.remoteName.map { " (\($0))" } ?? ""
        let suffix = account.map { " \($0)" } ?? ""
        let state = (service.state ?? "not registered").replacingOccurrences(of: "_", with: " ")
        var text = "gateway \(service.service)\(name): \(state)"
        switch service.state {
        case "bad_auth": text += " (/gateway reg \(service.service) NAME\(suffix) with the right password)"
        case "disabled": text += " (/gateway reconnect \(service.service)\(suffix))"
        default: break
        }
        return text
    }
}
