import Foundation
import NatterModel
import Testing

@testable import NatterEngine

@Suite struct ReducerGatewayTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let source = SourceKey(account: .default, protocolKind: .roster)
    let reducer = Reducer()

    /// One account whose Roster adapter is attached and online, so gateway requests route to it.
    func onlineState(accounts: [AccountID] = [.default]) -> ClientState {
        var state = ClientState(accounts: accounts.map { AccountState(id: $0, protocols: [.roster], domain: "a.test") })
        for account in accounts {
            var adapter = AdapterState(protocolKind: .roster, capabilities: [.chat, .gateways])
            adapter.connection = .online
            state.accounts[account]!.adapters[.roster] = adapter
        }
        return state
    }

    func status(_ service: String, _ state: String, wait: Int64? = nil) -> EngineEvent {
        .gateways(.status(service: service, state: state, timeUntilNextConnect: wait))
    }

    @Test func openingTheViewAddsItsWindowAndAsksEveryAccountForItsServices() {
        let work = AccountID("work")
        var state = onlineState(accounts: [.default, work])
        let effects = reducer.reduce(&state, intent: .gateways(.open), now: now)
        #expect(state.windows == [.console, .gateways])
        #expect(state.activeWindow == .gateways)
        #expect(
            effects == [
                .adapter(source, .gateways(.list)),
                .adapter(SourceKey(account: work, protocolKind: .roster), .gateways(.list)),
            ])
        // Again: the window is not added twice, the list is asked for again (a refresh).
        #expect(reducer.reduce(&state, intent: .gateways(.open), now: now).count == 2)
        #expect(state.windows == [.console, .gateways])
        #expect(reducer.reduce(&state, intent: .windows(.close(.gateways)), now: now).isEmpty)
        #expect(state.windows == [.console])
        #expect(state.activeWindow == .console)
    }

    @Test func anAccountWithoutTheRosterProtocolIsToldWhy() {
        var state = ClientState(accounts: [AccountState(id: .default, protocols: [.realtime], domain: "a.test")])
        var adapter = AdapterState(protocolKind: .realtime, capabilities: [.chat])
        adapter.connection = .online
        state.accounts[.default]!.adapters[.realtime] = adapter
        #expect(reducer.reduce(&state, intent: .gateways(.open), now: now).isEmpty)
        #expect(state.activeWindow == .gateways)
        #expect(state.console.last?.level == .error)
        #expect(state.console.last?.text.contains("gateways") == true)
    }

    @Test func routineTransitionsUpdateTheStateQuietlyAndAttentionStatesReachTheConsole() {
        var state = onlineState()
        _ = reducer.reduce(
            &state,
            event: .gateways(
                .services([
                    GatewayStatus(service: "b", kind: "ryver", domain: "b"),
                    GatewayStatus(service: "c", kind: "ryver", domain: "c", remoteName: "bob", state: "online"),
                ])), from: source, now: now)
        #expect(state.gateways[.default]?.map(\.service) == ["b", "c"])
        #expect(state.console.isEmpty, "the list belongs in the view: \(state.console.map(\.text))")

        #expect(
            reducer.reduce(&state, event: status("c", "trying_to_connect", wait: 2000), from: source, now: now) == [])
        #expect(state.gateways[.default]?.last?.state == "trying_to_connect")
        #expect(state.gateways[.default]?.last?.nextConnect == now.addingTimeInterval(2))
        #expect(state.gateways[.default]?.last?.remoteName == "bob")
        _ = reducer.reduce(&state, event: status("c", "online"), from: source, now: now)
        #expect(state.gateways[.default]?.last?.nextConnect == nil)
        #expect(state.console.isEmpty, "routine transitions must not fill the console: \(state.console.map(\.text))")

        _ = reducer.reduce(&state, event: status("c", "bad_auth"), from: source, now: now)
        #expect(state.console.last?.level == .warning)
        #expect(state.console.last?.text == "gateway c (bob): bad auth (/gateway reg c NAME with the right password)")
        // The same state again (IMGetRoster repeats it on login) is not said twice.
        _ = reducer.reduce(&state, event: status("c", "bad_auth"), from: source, now: now)
        #expect(state.console.count == 1)
        _ = reducer.reduce(&state, event: status("c", "disabled"), from: source, now: now)
        #expect(state.console.last?.text == "gateway c (bob): disabled (/gateway reconnect c)")
        #expect(state.console.count == 2)
    }

    @Test func withSeveralAccountsTheConsoleSaysWhichAndTheHintNamesIt() {
        let work = AccountID("work")
        var state = onlineState(accounts: [.default, work])
        let workSource = SourceKey(account: work, protocolKind: .roster)
        _ = reducer.reduce(
            &state, event: .gateways(.services([GatewayStatus(service: "b", remoteName: "bob", state: "online")])),
            from: workSource, now: now)
        _ = reducer.reduce(&state, event: status("b", "disabled"), from: workSource, now: now)
        #expect(state.console.last?.text == "work: gateway b (bob): disabled (/gateway reconnect b work)")
        #expect(state.gateways[.default] == nil, "one account's gateways are not another's")
    }

    @Test func otherLocationIsKeptForTheViewUntilTheConnectionChanges() {
        var state = onlineState()
        _ = reducer.reduce(
            &state, event: .gateways(.services([GatewayStatus(service: "b", remoteName: "bob", state: "online")])),
            from: source, now: now)
        _ = reducer.reduce(
            &state, event: .gateways(.otherLocation(service: "b", username: "bob@b.test")), from: source, now: now)
        #expect(state.gateways[.default]?.first?.otherLocation == "bob@b.test")
        #expect(state.console.last?.level == .warning)
        #expect(state.console.last?.text == "gateway b: bob@b.test is also signed in from another client")
        // A refresh of the list (which cannot say it) keeps it; a new state ends it.
        _ = reducer.reduce(
            &state, event: .gateways(.services([GatewayStatus(service: "b", remoteName: "bob", state: "online")])),
            from: source, now: now)
        #expect(state.gateways[.default]?.first?.otherLocation == "bob@b.test")
        _ = reducer.reduce(&state, event: status("b", "online"), from: source, now: now)
        #expect(state.gateways[.default]?.first?.otherLocation == "bob@b.test")
        _ = reducer.reduce(&state, event: status("b", "trying_to_connect", wait: 1000), from: source, now: now)
        #expect(state.gateways[.default]?.first?.otherLocation == nil)
    }

    @Test func aRegistrationMadeOrDroppedOrUnknownAsksForTheListAgain() {
        var state = onlineState()
        let list = [Effect.adapter(source, .gateways(.list))]
        // A status for a service not listed yet: its remote name is in the list.
        #expect(reducer.reduce(&state, event: status("b", "trying_to_connect"), from: source, now: now) == list)
        _ = reducer.reduce(
            &state,
            event: .gateways(.services([GatewayStatus(service: "b", remoteName: "bob", state: "trying_to_connect")])),
            from: source, now: now)
        #expect(reducer.reduce(&state, event: status("b", "online"), from: source, now: now).isEmpty)
        #expect(reducer.reduce(&state, event: status("b", "shutdown"), from: source, now: now) == list)
        #expect(reducer.reduce(&state, event: status("b", "start"), from: source, now: now) == list)
    }

    @Test func aLoginRefreshesTheListOnlyWhileTheViewIsOpen() {
        var state = onlineState()
        let login = EngineEvent.session(.authenticated(JID("alice@a.test/tui")!))
        #expect(
            !reducer.reduce(&state, event: login, from: source, now: now).contains(.adapter(source, .gateways(.list))))
        _ = reducer.reduce(&state, intent: .gateways(.open), now: now)
        #expect(
            reducer.reduce(&state, event: login, from: source, now: now).contains(.adapter(source, .gateways(.list))))
    }
}
