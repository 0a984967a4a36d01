import Foundation
import NatterEngine
import NatterModel
import Testing

/// The client engine and realtime adapter against a real natterd process over real sockets.
@Suite(.serialized, .offThePool) struct RealtimeIntegrationTests {
    let alice = JID("alice@natter.test")!
    let bob = JID("bob@natter.test")!

    @Test func twoClientsChatWithAcks() throws {
        let server = try NatterdProcess()
        let a = EngineClient(user: "alice", serverURL: server.url)
        let b = EngineClient(user: "bob", serverURL: server.url)
        #expect(a.waitSynchronized() && b.waitSynchronized())

        a.engine.dispatch(.send(text: "hi bob, 日本語 ok?", to: .direct(bob)))
        let acked = a.wait { state in
            state.conversations[.direct(bob)]?.messages.last.map { $0.delivery == .sent && $0.serverKey != nil }
                ?? false
        }
        #expect(acked, "alice's message was never acked")
        let key = a.state.conversations[.direct(bob)]?.messages.last?.serverKey

        #expect(b.wait { $0.conversations[.direct(alice)]?.messages.contains { $0.serverKey == key } ?? false })
        let received = b.state.conversations[.direct(alice)]?.messages.first { $0.serverKey == key }
        #expect(received?.text == "hi bob, 日本語 ok?")
        #expect(received?.isOutgoing == false)
        #expect(b.state.conversations[.direct(alice)]?.unread == 1)
    }

    @Test func presenceFansOutToContacts() throws {
        let server = try NatterdProcess()
        let a = EngineClient(user: "alice", serverURL: server.url)
        #expect(a.waitSynchronized())
        #expect(a.state.contacts[bob]?.presence == .unavailable)

        let b = EngineClient(user: "bob", serverURL: server.url)
        #expect(b.waitSynchronized())
        #expect(a.wait { $0.contacts[bob]?.presence == .available }, "alice never saw bob come online")
        #expect(b.state.contacts[alice]?.presence == .available, "bob's initial presence burst missed alice")

        b.engine.dispatch(.setPresence(.dnd, status: nil))
        #expect(a.wait { $0.contacts[bob]?.presence == .dnd })

        b.stop()
        #expect(a.wait { $0.contacts[bob]?.presence == .unavailable }, "bob's departure was not announced")
    }

    @Test func typingStartsAndStops() throws {
        let server = try NatterdProcess()
        let a = EngineClient(user: "alice", serverURL: server.url)
        let b = EngineClient(user: "bob", serverURL: server.url)
        #expect(a.waitSynchronized() && b.waitSynchronized())
        a.engine.dispatch(.composing(.direct(bob), true))
        #expect(b.wait { $0.conversations[.direct(alice)]?.typing.contains(alice) ?? false })
        a.engine.dispatch(.composing(.direct(bob), false))
        #expect(b.wait { $0.conversations[.direct(alice)]?.typing.isEmpty ?? false })
    }

    @Test func historyLoadsWhenAConversationOpens() throws {
        let server = try NatterdProcess()
        let a = EngineClient(user: "alice", serverURL: server.url)
        #expect(a.waitSynchronized())
        a.engine.dispatch(.openConversation(.direct(bob)))
        #expect(a.wait { ($0.conversations[.direct(bob)]?.messages.count ?? 0) > 0 }, "demo history never loaded")
    }

    @Test func roomChatReachesJoinedMembers() throws {
        let server = try NatterdProcess()
        let lounge = JID("lounge@natter.test")!
        let a = EngineClient(user: "alice", serverURL: server.url)
        let b = EngineClient(user: "bob", serverURL: server.url)
        #expect(a.waitSynchronized() && b.waitSynchronized())
        #expect(a.state.rooms[.room(lounge)] != nil, "the demo room was not listed")
        a.engine.dispatch(.joinRoom(lounge))
        b.engine.dispatch(.joinRoom(lounge))
        #expect(a.wait { $0.conversations[.room(lounge)]?.occupants.contains(bob) ?? false })
        b.engine.dispatch(.send(text: "hello room", to: .room(lounge)))
        #expect(a.wait { $0.conversations[.room(lounge)]?.messages.contains { $0.text == "hello room" } ?? false })
    }

    @Test func messagesSentWhileAwayArriveAfterReconnect() throws {
        let server = try NatterdProcess()
        let carol = JID("carol@natter.test")!
        let a = EngineClient(user: "alice", serverURL: server.url)
        let b = EngineClient(user: "bob", serverURL: server.url)
        #expect(a.waitSynchronized() && b.waitSynchronized())
        b.engine.dispatch(.send(text: "before the break", to: .direct(alice)))
        #expect(a.wait { $0.conversations[.direct(bob)]?.messages.contains { $0.text == "before the break" } ?? false })
        let saved = a.state
        a.stop()

        b.engine.dispatch(.send(text: "while you were away", to: .direct(alice)))
        #expect(b.wait { $0.conversations[.direct(alice)]?.messages.last?.delivery == .sent })
        let sent = try TestProcess.run(
            TestProcess.binary("natter"),
            ["send", "--server", server.url, "--user", "carol", "--to", "alice", "ping from carol"],
            environment: ["NATTER_PASSWORD": "carol"])
        #expect(sent.status == 0, "carol's send failed: \(sent.stderr)")

        let back = EngineClient(user: "alice", serverURL: server.url, state: saved)
        #expect(
            back.wait {
                $0.conversations[.direct(bob)]?.messages.contains { $0.text == "while you were away" } ?? false
            },
            "bob's message from the gap never arrived")
        #expect(
            back.wait { $0.conversations[.direct(carol)]?.messages.contains { $0.text == "ping from carol" } ?? false },
            "carol's message never arrived, though alice had no window with her")
        #expect(back.state.conversations[.direct(carol)]?.unread == 1)
        #expect(back.state.conversations[.direct(bob)]?.messages.filter { $0.text == "before the break" }.count == 1)
    }

    @Test func messageTypedOfflineIsSentExactlyOnceAfterReconnect() throws {
        let directory = try TestProcess.temporaryDirectory("outbox")
        var server = try NatterdProcess(directory: directory)
        let port = server.port
        let a = EngineClient(user: "alice", serverURL: server.url, pingInterval: .seconds(1))
        #expect(a.waitSynchronized())

        server.kill()
        #expect(
            a.wait { if case .reconnecting = $0.accounts[.default]?.connection { true } else { false } },
            "the drop went unnoticed")
        a.engine.dispatch(.send(text: "typed while offline", to: .direct(bob)))
        #expect(a.state.conversations[.direct(bob)]?.messages.last?.delivery == .pending)

        server = try NatterdProcess(port: port, directory: directory)
        let sent = a.wait(timeout: 30) { state in
            state.conversations[.direct(bob)]?.messages.last.map { $0.delivery == .sent } ?? false
        }
        #expect(sent, "the queued message was not sent after reconnect")

        let b = EngineClient(user: "bob", serverURL: server.url)
        #expect(b.waitSynchronized())
        b.engine.dispatch(.openConversation(.direct(alice)))
        #expect(
            b.wait { $0.conversations[.direct(alice)]?.messages.contains { $0.text == "typed while offline" } ?? false }
        )
        let copies = b.state.conversations[.direct(alice)]?.messages.filter { $0.text == "typed while offline" }.count
        #expect(copies == 1)
        _ = server
    }
}
