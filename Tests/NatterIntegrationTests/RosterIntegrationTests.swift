import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// The engine with the Zimbra IM adapter against a real natterd process, next to a Realtime client: the
/// cross-protocol check that both kinds of client chat with each other and see each other's presence.
@Suite(.serialized, .offThePool) struct RosterIntegrationTests {
    let alice = JID("alice@natter.test")!
    let bob = JID("bob@natter.test")!

    static func zimbraClient(_ user: String, server: NatterdProcess) -> (EngineStore, EngineWaiter) {
        let engine = EngineStore(state: ClientState(domain: "natter.test"))
        engine.attach(
            RosterAdapter(
                configuration: RosterAdapterConfiguration(
                    serverURL: server.url, user: user, password: user,
                    backoff: ReconnectBackoff(base: 0.2, cap: 1), pollTimeout: .seconds(5))))
        return (engine, EngineWaiter(engine: engine))
    }

    @Test func zimbraAndRealtimeClientsChatAndSeeEachOthersPresence() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let (zimbra, waiter) = Self.zimbraClient("alice", server: server)
        defer { zimbra.detachAll() }
        #expect(waiter.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        #expect(waiter.wait(timeout: 5) { $0.contacts[bob] != nil }, "the Zimbra roster never listed bob")

        let realtime = EngineClient(user: "bob", serverURL: server.url)
        #expect(realtime.waitSynchronized())
        #expect(waiter.wait(timeout: 10) { $0.contacts[bob]?.presence == .available }, "alice never saw bob online")
        zimbra.dispatch(.setPresence(.dnd, status: "focus"))
        #expect(realtime.wait { $0.contacts[alice]?.presence == .dnd }, "bob never saw alice's dnd")

        zimbra.dispatch(.send(text: "hi bob, from Zimbra 👋", to: .direct(bob)))
        #expect(
            waiter.wait(timeout: 10) { state in
                state.conversations[.direct(bob)]?.messages.last.map { $0.delivery == .sent } ?? false
            }, "the Zimbra send was never acknowledged")
        #expect(
            realtime.wait { $0.conversations[.direct(alice)]?.messages.last?.text == "hi bob, from Zimbra 👋" })

        realtime.engine.dispatch(.send(text: "hello back over Realtime", to: .direct(alice)))
        #expect(
            waiter.wait(timeout: 10) { state in
                state.conversations[.direct(bob)]?.messages.contains { $0.text == "hello back over Realtime" } ?? false
            }, "alice's Zimbra client never got bob's Realtime message")

        realtime.engine.dispatch(.composing(.direct(alice), true))
        #expect(waiter.wait(timeout: 10) { $0.conversations[.direct(bob)]?.typing.contains(bob) ?? false })
    }

    @Test func aZimbraOnlyAccountSendsConfiguredStatusesAndChats() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let engine = EngineStore(state: ClientState(domain: "natter.test"))
        engine.attach(
            RosterAdapter(
                configuration: RosterAdapterConfiguration(
                    serverURL: server.url, user: "alice", password: "alice",
                    backoff: ReconnectBackoff(base: 0.2, cap: 1),
                    pollTimeout: .seconds(5),
                    statusTexts: RosterStatusTexts(["": [.away: "Out to lunch"], "de": [.away: "Beim Mittagessen"]]))))
        defer { engine.detachAll() }
        let waiter = EngineWaiter(engine: engine)
        let (bobEngine, bobWaiter) = Self.zimbraClient("bob", server: server)
        defer { bobEngine.detachAll() }
        for each in [waiter, bobWaiter] {
            #expect(each.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        }
        bobEngine.dispatch(.setPresence(.available, status: nil))
        #expect(waiter.wait(timeout: 10) { $0.contacts[bob]?.presence == .available }, "alice never saw bob online")

        engine.dispatch(.setPresence(.away, status: nil))
        // bob's client shows the language-neutral text; the German one travels beside it for clients that read it.
        #expect(
            bobWaiter.wait(timeout: 10) { state in
                state.contacts[alice]?.presence == .away && state.contacts[alice]?.statusText == "Out to lunch"
            }, "bob never saw alice away with her configured status")

        engine.dispatch(.send(text: "only Zimbra here", to: .direct(bob)))
        #expect(
            bobWaiter.wait(timeout: 10) { $0.conversations[.direct(alice)]?.messages.last?.text == "only Zimbra here" },
            "a chat between two Zimbra-only clients did not arrive")
    }

    @Test func theLongPollReconnectsWithBackoffWhenTheServerGoes() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let (zimbra, waiter) = Self.zimbraClient("alice", server: server)
        defer { zimbra.detachAll() }
        #expect(waiter.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        server.kill()
        #expect(
            waiter.wait(timeout: 15) { state in
                if case .reconnecting = state.accounts[.default]?.adapters[.roster]?.connection { return true }
                return false
            }, "a dead server did not put the Zimbra link into backoff")
    }
}
