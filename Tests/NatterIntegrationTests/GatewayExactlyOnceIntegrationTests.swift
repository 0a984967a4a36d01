import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import Testing

/// Chats bridged to the remote arrive exactly once however the connection ends: A reaches B through a relay
/// (`TCPRelay`) that the test tells to lose B's acks, or everything, at the moment it chooses.
@Suite(.serialized) struct GatewayExactlyOnceIntegrationTests {
    let bob = JID("bob@natter.test")!
    let carolAddress = "carol%natter.test@b"

    func send(_ text: String, from alice: ZimbraTestClient) async throws {
        try await alice.send(.sendMessage(to: .address(carolAddress), IMMessageContent(body: .init(text))))
    }

    func copies(of text: String, in state: ClientState) -> Int {
        state.conversations[.direct(bob)]?.messages.filter { $0.text == text }.count ?? 0
    }

    /// alice at A, online and bridged onto bob's account at B.
    func onlineAlice(port: Int) async throws -> ZimbraTestClient {
        let alice = try await ZimbraTestClient.login("alice", port: port)
        try await alice.send(.setPresence([IMPresence(show: .online)]))
        return alice
    }

    @Test func aChatWhoseAckIsLostIsStoredOnceAcrossAReconnectAndARestart() async throws {
        let serverB = try NatterdProcess(arguments: ["--no-demo-peer"])
        let relay = try TCPRelay(to: serverB.port)
        let directoryA = try TestProcess.temporaryDirectory("gateway-once-a")
        let argumentsA = ["--no-demo-peer", "--gateway", "b=http://127.0.0.1:\(relay.port)"]
        var serverA = try NatterdProcess(directory: directoryA, arguments: argumentsA)
        let carol = EngineClient(user: "carol", serverURL: serverB.url)
        #expect(carol.waitSynchronized())
        var alice = try await onlineAlice(port: serverA.port)
        try await alice.send(.gatewayRegister(service: "b", .register(name: "bob", password: "bob")))
        _ = try await alice.waitFor("online", GatewayIntegrationTests.gatewayState(.online))

        // 1. B stores the chat, its ack is lost, the connection drops: the bridge sends it again with the same
        // id on the next connection, and B acks it without storing it twice.
        try relay.set(.mute)
        try await send("once across a reconnect", from: alice)
        #expect(carol.wait { copies(of: "once across a reconnect", in: $0) == 1 })
        try relay.cut()
        _ = try await alice.waitFor("backoff after the cut") {
            if case .gatewayStatus("b", .tryingToConnect, let wait?) = $0 { return wait > 0 }
            return false
        }
        _ = try await alice.waitFor("online after the cut", GatewayIntegrationTests.gatewayState(.online))
        try await send("marker 1", from: alice)
        #expect(carol.wait { copies(of: "marker 1", in: $0) == 1 })
        #expect(copies(of: "once across a reconnect", in: carol.state) == 1, "the resend was stored twice")

        // 2. The same across a restart of A, together with a chat that never reached B at all: both come
        // back from A's database after the restart, and each arrives once.
        try relay.set(.mute)
        try await send("once across a restart", from: alice)
        #expect(carol.wait { copies(of: "once across a restart", in: $0) == 1 })
        try relay.set(.drop)
        try await send("never reached B before the restart", from: alice)
        let portA = serverA.port
        serverA.kill()
        try relay.cut()
        serverA = try NatterdProcess(port: portA, directory: directoryA, arguments: argumentsA)
        alice = try await onlineAlice(port: serverA.port)
        _ = try await alice.waitFor("online after the restart", GatewayIntegrationTests.gatewayState(.online))
        #expect(carol.wait { copies(of: "never reached B before the restart", in: $0) == 1 })
        try await send("marker 2", from: alice)
        #expect(carol.wait { copies(of: "marker 2", in: $0) == 1 })
        #expect(
            copies(of: "once across a restart", in: carol.state) == 1, "the resend after the restart was stored twice")
        #expect(copies(of: "never reached B before the restart", in: carol.state) == 1)

        // A chat with the same text as an earlier one is a new chat, not a duplicate.
        try await send("once across a restart", from: alice)
        #expect(carol.wait { copies(of: "once across a restart", in: $0) == 2 })
        carol.stop()
        serverA.stop()
        serverB.stop()
    }
}
