import Foundation
import NatterModel

/// Gateways onto other chat servers: the services and their states, kept per account and shown in the console
/// (`/gateways` lists them; every `gwStatus` updates the entry and says so).
extension Reducer {
    func apply(_ intent: GatewayIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
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

    func apply(_ event: GatewayEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        let label = prefix(source.account, in: state)
        switch event {
        case .services(let services):
            state.gateways[source.account] = services
            if services.isEmpty {
                post(.info, "\(label)this server offers no gateways", at: now, in: &state)
            }
            for service in services {
                post(.info, label + Self.describe(service, now: now), at: now, in: &state)
            }
        case .status(let service, let gatewayState, let wait):
            var services = state.gateways[source.account] ?? []
            let nextConnect = wait.map { now.addingTimeInterval(Double($0) / 1000) }
            if let index = services.firstIndex(where: { $0.service == service }) {
                services[index].state = gatewayState
                services[index].nextConnect = nextConnect
            } else {
                services.append(GatewayStatus(service: service, state: gatewayState, nextConnect: nextConnect))
            }
            state.gateways[source.account] = services
            let entry = services.first { $0.service == service }!
            let level: Notice.Level = ["bad_auth", "disabled"].contains(gatewayState) ? .warning : .info
            post(level, label + Self.describe(entry, now: now), at: now, in: &state)
        case .otherLocation(let service, let username):
            post(
                .warning, "\(label)gateway \(service): \(username) is also signed in from another client", at: now,
                in: &state)
        }
        return []
    }

    /// `gateway b (bob): trying_to_connect, next attempt in 4 s`.
    static func describe(_ service: GatewayStatus, now: Date) -> String {
        guard let state = service.state else {
            return "gateway \(service.service): not registered (/gateway reg \(service.service) NAME)"
        }
        let name = service.remoteName.map { " (\($0))" } ?? ""
        var text = "gateway \(service.service)\(name): \(state.replacingOccurrences(of: "_", with: " "))"
        if let next = service.nextConnect {
            text += ", next attempt in \(max(0, Int(next.timeIntervalSince(now).rounded(.up)))) s"
        }
        switch state {
        case "bad_auth": text += " (/gateway reg \(service.service) NAME with the right password)"
        case "disabled": text += " (/gateway reconnect \(service.service))"
        default: break
        }
        return text
    }
}
