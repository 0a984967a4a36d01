import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import Testing

/// Two natterd processes: alice on A registers a gateway onto bob's account at B (`natterd --gateway b=URL`),
/// and chats through it with carol, a realtime client of B.
@Suite(.serialized) struct GatewayIntegrationTests {
    let bob = JID("bob@natter.test")!
    let carolAddress = "carol%natter.test@b"

    static func gatewayState(_ state: IMGatewayService.State) -> @Sendable (IMNotification) -> Bool {
        { notification in
            if case .gatewayStatus("b", state, _) = notification { return true }
            return false
        }
    }

    func messageFromCarol(_ text: String) -> @Sendable (IMNotification) -> Bool {
        { [carolAddress] notification in
            if case .message(carolAddress, carolAddress, _, let content, _) = notification {
                return content.body?.text == text
            }
            return false
        }
    }

    func startB(port: Int? = nil, directory: String? = nil) throws -> NatterdProcess {
        try NatterdProcess(port: port, directory: directory, arguments: ["--no-demo-peer"])
    }

    @Test func aliceChatsWithCarolThroughBobsAccountAcrossAnOutageOfB() async throws {
        var serverB = try startB()
        let serverA = try NatterdProcess(arguments: ["--no-demo-peer", "--gateway", "b=\(serverB.url)"])
        let alice = try await ZimbraTestClient.login("alice", port: serverA.port)
        try await alice.send(.setPresence([IMPresence(show: .online)]))
        guard case .gatewayList(let before) = try await alice.send(.gatewayList) else {
            Issue.record("IMGatewayList must answer with services")
            return
        }
        #expect(before == [IMGatewayService(name: "b", type: "ryver", domain: "b")])

        let carol = EngineClient(user: "carol", serverURL: serverB.url)
        #expect(carol.waitSynchronized())

        #expect(
            try await alice.send(.gatewayRegister(service: "b", .register(name: "bob", password: "bob")))
                == .gatewayRegister(success: true))
        _ = try await alice.waitFor("start", Self.gatewayState(.start))
        _ = try await alice.waitFor("trying_to_connect", Self.gatewayState(.tryingToConnect))
        _ = try await alice.waitFor("online", Self.gatewayState(.online))
        let carolEntry = try await alice.waitFor("carol in the roster") { [carolAddress] in
            if case .rosterItem(let item) = $0 { return item.addr == carolAddress && item.state == .subscribed }
            return false
        }
        if case .rosterItem(let item) = carolEntry { #expect(item.groups == ["b"]) }
        _ = try await alice.waitFor("carol online") { [carolAddress] in
            if case .presence(carolAddress, let presence) = $0 { return presence.show == nil }
            return false
        }
        guard case .gatewayList(let listed) = try await alice.send(.gatewayList) else {
            Issue.record("IMGatewayList must answer with services")
            return
        }
        #expect(listed.first?.registration == .init(name: "bob", state: .online))

        // A → B: alice writes to carol's gateway address; carol sees it from bob.
        try await alice.send(.sendMessage(to: .address(carolAddress), IMMessageContent(body: .init("hello from A"))))
        #expect(carol.wait { $0.conversations[.direct(bob)]?.messages.contains { $0.text == "hello from A" } ?? false })
        // B → A, with typing first.
        carol.engine.dispatch(.composing(.direct(bob), true))
        _ = try await alice.waitFor("carol typing") { [carolAddress] in
            if case .message(carolAddress, _, _, let content, _) = $0 { return content.typing }
            return false
        }
        carol.engine.dispatch(.send(text: "hi alice", to: .direct(bob)))
        _ = try await alice.waitFor("carol's answer", messageFromCarol("hi alice"))

        // alice goes offline: the bridge follows; what carol says meanwhile arrives when alice is back.
        try await alice.send(.setPresence([IMPresence(show: .offline)]))
        _ = try await alice.waitFor("intentionally_offline", Self.gatewayState(.intentionallyOffline))
        carol.engine.dispatch(.send(text: "while you were away", to: .direct(bob)))
        #expect(carol.wait { $0.conversations[.direct(bob)]?.messages.last?.serverKey != nil })
        try await alice.send(.setPresence([IMPresence(show: .online)]))
        _ = try await alice.waitFor("online again", Self.gatewayState(.online))
        _ = try await alice.waitFor("the missed message", messageFromCarol("while you were away"))

        // B goes down: the bridge backs off, with a wait that grows.
        let portB = serverB.port
        let directoryB = serverB.directory
        serverB.kill()
        var waits: [Int64] = []
        while waits.count < 2 {
            let status = try await alice.waitFor("backoff") {
                if case .gatewayStatus("b", .tryingToConnect, let wait?) = $0 { return wait > 0 }
                return false
            }
            if case .gatewayStatus(_, _, let wait?) = status { waits.append(wait) }
        }
        #expect(waits[1] > waits[0], "the backoff must grow: \(waits)")
        guard case .gatewayList(let down) = try await alice.send(.gatewayList) else {
            Issue.record("IMGatewayList must answer with services")
            return
        }
        #expect(down.first?.registration?.state == .tryingToConnect)
        // A chat written while B is down is kept and delivered once the bridge is back.
        try await alice.send(
            .sendMessage(to: .address(carolAddress), IMMessageContent(body: .init("sent during the outage"))))

        serverB = try startB(port: portB, directory: directoryB)
        #expect(try await alice.send(.gatewayRegister(service: "b", .reconnect)) == .gatewayRegister(success: true))
        _ = try await alice.waitFor("online after the outage", Self.gatewayState(.online))
        #expect(
            carol.wait(timeout: 30) {
                $0.conversations[.direct(bob)]?.messages.contains { $0.text == "sent during the outage" } ?? false
            }, "the chat written during the outage was lost")
        carol.stop()
        serverB.stop()
    }

    @Test func aWrongPasswordIsBadAuthWithoutRetriesAndReconnectTriesOnce() async throws {
        let serverB = try startB()
        let serverA = try NatterdProcess(arguments: ["--no-demo-peer", "--gateway", "b=\(serverB.url)"])
        let alice = try await ZimbraTestClient.login("alice", port: serverA.port)
        try await alice.send(.setPresence([IMPresence(show: .online)]))
        try await alice.send(.gatewayRegister(service: "b", .register(name: "bob", password: "wrong")))
        _ = try await alice.waitFor("bad_auth", Self.gatewayState(.badAuth))
        // No retry loop: a long poll that outlasts several backoff periods brings no new state.
        try await alice.send(.noOp(wait: true, timeout: 3000))
        let after = try await alice.drain()
        #expect(!after.contains { if case .gatewayStatus = $0 { true } else { false } }, "retried: \(after)")
        guard case .gatewayList(let listed) = try await alice.send(.gatewayList) else {
            Issue.record("IMGatewayList must answer with services")
            return
        }
        #expect(listed.first?.registration == .init(name: "bob", state: .badAuth))

        #expect(try await alice.send(.gatewayRegister(service: "b", .reconnect)) == .gatewayRegister(success: true))
        _ = try await alice.waitFor("one more attempt", Self.gatewayState(.tryingToConnect))
        _ = try await alice.waitFor("bad_auth again", Self.gatewayState(.badAuth))

        // The right password replaces the registration and connects.
        try await alice.send(.gatewayRegister(service: "b", .register(name: "bob", password: "bob")))
        _ = try await alice.waitFor("online", Self.gatewayState(.online))
        #expect(try await alice.send(.gatewayRegister(service: "b", .unregister)) == .gatewayRegister(success: true))
        _ = try await alice.waitFor("shutdown", Self.gatewayState(.shutdown))
        guard case .gatewayList(let gone) = try await alice.send(.gatewayList) else {
            Issue.record("IMGatewayList must answer with services")
            return
        }
        #expect(gone.first?.registration == nil)
        serverB.stop()
    }

    @Test func thePasswordIsStoredSealedAndARestartedServerReconnects() async throws {
        let serverB = try startB()
        let directoryA = try TestProcess.temporaryDirectory("natterd")
        var serverA = try NatterdProcess(
            directory: directoryA, arguments: ["--no-demo-peer", "--gateway", "b=\(serverB.url)"])
        var alice = try await ZimbraTestClient.login("alice", port: serverA.port)
        try await alice.send(.setPresence([IMPresence(show: .online)]))
        try await alice.send(.gatewayRegister(service: "b", .register(name: "bob", password: "bob-secret-pw")))
        _ = try await alice.waitFor("bad_auth", Self.gatewayState(.badAuth))
        let database = try Data(contentsOf: URL(fileURLWithPath: directoryA + "/natterd.sqlite"))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: directoryA + "/natterd.sqlite-wal"))) ?? Data()
        for bytes in [database, wal] {
            #expect(bytes.range(of: Data("bob-secret-pw".utf8)) == nil, "the password is stored in the clear")
        }
        let port = serverA.port
        serverA.stop()
        serverA = try NatterdProcess(
            port: port, directory: directoryA, arguments: ["--no-demo-peer", "--gateway", "b=\(serverB.url)"])
        alice = try await ZimbraTestClient.login("alice", port: serverA.port)
        try await alice.send(.setPresence([IMPresence(show: .online)]))
        // The stored registration comes back and logs in again with the password opened from the database.
        _ = try await alice.waitFor("bad_auth after the restart", Self.gatewayState(.badAuth))
        serverA.stop()
        serverB.stop()
    }
}
