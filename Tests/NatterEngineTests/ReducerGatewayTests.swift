import Foundation
import NatterModel
import Testing

@testable import NatterEngine

@Suite struct ReducerGatewayTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let source = SourceKey(account: .default, protocolKind: .roster)

    @Test func statesAreKeptPerServiceAndAnnouncedInTheConsole() {
        let reducer = Reducer()
        var state = ClientState(domain: "natter.test")
        _ = reducer.apply(
            GatewayEvent.services([
                GatewayStatus(service: "b"), GatewayStatus(service: "c", remoteName: "bob", state: "online"),
            ]),
            from: source, to: &state, now: now)
        #expect(state.gateways[.default]?.map(\.service) == ["b", "c"])
        #expect(
            state.console.suffix(2).map(\.text) == [
                "gateway b: not registered (/gateway reg b NAME)", "gateway c (bob): online",
            ])
        _ = reducer.apply(
            GatewayEvent.status(service: "c", state: "trying_to_connect", timeUntilNextConnect: 2000), from: source,
            to: &state,
            now: now)
        #expect(state.gateways[.default]?.last?.state == "trying_to_connect")
        #expect(state.gateways[.default]?.last?.nextConnect == now.addingTimeInterval(2))
        #expect(state.console.last?.text == "gateway c (bob): trying to connect, next attempt in 2 s")
        _ = reducer.apply(
            GatewayEvent.status(service: "c", state: "bad_auth", timeUntilNextConnect: nil), from: source, to: &state,
            now: now)
        #expect(state.console.last?.level == .warning)
        #expect(state.gateways[.default]?.last?.nextConnect == nil)
    }
}
