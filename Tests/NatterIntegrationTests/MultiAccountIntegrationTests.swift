import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// One engine, two accounts on two natterd processes with different domains: routing by account, one roster,
/// and one server's death neither blocking the other account nor losing or doubling what was typed meanwhile.
@Suite(.serialized, .offThePool) struct MultiAccountIntegrationTests {
    let accountA = AccountID("a")
    let accountB = AccountID("b")
    let bobA = JID("bob@a.test")!
    let bobB = JID("bob@b.test")!
    let carolB = JID("carol@b.test")!

    func adapter(_ server: NatterdProcess, domain: String) -> RealtimeAdapter {
        RealtimeAdapter(
            configuration: RealtimeAdapterConfiguration(
                serverURL: server.url, user: "alice@\(domain)", password: "alice", domain: domain, resource: "multi",
                pingInterval: .seconds(1), backoff: ReconnectBackoff(base: 0.2, cap: 1)))
    }

    @Test func twoServersOneEngineAndOneDiesWithoutHurtingTheOther() throws {
        let directoryA = try TestProcess.temporaryDirectory("multi-engine-a")
        var serverA = try NatterdProcess(directory: directoryA, arguments: ["--domain", "a.test"])
        let serverB = try NatterdProcess(arguments: ["--domain", "b.test"])
        let engine = EngineStore(
            state: ClientState(accounts: [
                AccountState(id: accountA, domain: "a.test"), AccountState(id: accountB, domain: "b.test"),
            ]))
        engine.attach(adapter(serverA, domain: "a.test"), account: accountA)
        engine.attach(adapter(serverB, domain: "b.test"), account: accountB)
        defer { engine.detachAll() }
        let alice = EngineWaiter(engine: engine)
        let bob = EngineClient(user: "bob@a.test", serverURL: serverA.url, password: "bob")
        #expect(bob.waitSynchronized())

        let synchronized = alice.wait(timeout: 30) { state in
            state.accounts.values.allSatisfy(\.isSynchronized)
        }
        try #require(synchronized, "both accounts must log in: \(engine.state.accounts)")
        // One roster: both bobs, each known to its own account.
        #expect(engine.state.contacts[bobA] != nil && engine.state.contacts[bobB] != nil)

        let toBobA = ConversationID.direct(bobA, account: accountA)
        let toCarolB = ConversationID.direct(carolB, account: accountB)
        engine.dispatch(.send(text: "one for bob on A", to: toBobA))
        #expect(
            bob.wait { $0.conversations.values.contains { $0.messages.contains { $0.text == "one for bob on A" } } })
        engine.dispatch(.send(text: "hello carol on B", to: toCarolB))
        #expect(
            alice.wait(timeout: 30) { $0.conversations[toCarolB]?.messages.contains { !$0.isOutgoing } ?? false },
            "carol on B never answered")

        serverA.kill()
        #expect(
            alice.wait { if case .reconnecting = $0.accounts[accountA]?.connection { true } else { false } },
            "the loss of A went unnoticed")
        #expect(engine.state.accounts[accountB]?.isOnline == true, "B must stay online while A is down")

        engine.dispatch(.send(text: "still there on B?", to: toCarolB))
        #expect(
            alice.wait { $0.conversations[toCarolB]?.messages.last { $0.isOutgoing }?.delivery == .sent },
            "a message on B was held up by A being down")
        #expect(engine.state.accounts[accountA]?.isOnline == false, "A came back too early for this test to mean much")

        engine.dispatch(.send(text: "typed while A was down", to: toBobA))
        #expect(engine.state.conversations[toBobA]?.messages.last?.delivery == .pending)

        serverA = try NatterdProcess(port: serverA.port, directory: directoryA, arguments: ["--domain", "a.test"])
        #expect(
            alice.wait(timeout: 40) { $0.conversations[toBobA]?.messages.last?.delivery == .sent },
            "the outbox never drained to A")
        engine.dispatch(.send(text: "and one after the restart", to: toBobA))
        // Bob's own reconnect catches up on the first while the second arrives live: wait for both.
        let bobSeesBoth = bob.wait(timeout: 40) { state in
            let texts = Set(state.conversations.values.flatMap(\.messages).map(\.text))
            return texts.contains("and one after the restart") && texts.contains("typed while A was down")
        }
        #expect(bobSeesBoth, "bob never got the message sent after the restart")
        let copies = bob.state.conversations.values.flatMap(\.messages).filter { $0.text == "typed while A was down" }
        #expect(copies.count == 1, "the outbox must drain exactly once; bob has \(copies.count)")
        _ = serverA
    }
}

/// Polls an engine's state until a condition holds; returns false on timeout so the test can say what it waited
/// for. `EngineClient` uses it too.
struct EngineWaiter {
    let engine: EngineStore

    func wait(timeout: Double = 30, until condition: (ClientState) -> Bool) -> Bool {
        TestProcess.poll(timeout: timeout) { condition(engine.state) }
    }
}
