import NatterCodecs
import Testing

@Suite("Realtime: chat delivery")
struct ChatTests {
    @Test func chatIsAckedWithKeyDeliveredAndCarbonCopied() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice", resource: "laptop")
            let alicePhone = try await server.connect("alice", resource: "phone")
            let bob = try await server.connect("bob")
            #expect(await alice.jid == "alice@natter.test/laptop")

            await alice.send(.chat(RealtimeChat(id: "m1", to: "bob", text: "hi bob 👋", extras: ["x": 1])))
            let ack = try await alice.nextAck()
            #expect(ack.replyTo == "m1" && ack.replyType == "chat")
            let key = try #require(ack.key)

            for peer in [bob, alicePhone] {
                let chat = try #require(try await peer.next().chat)
                #expect(chat.key == key)
                #expect(chat.from == "alice@natter.test")
                #expect(chat.to == "bob@natter.test")
                #expect(chat.text == "hi bob 👋")
                #expect(chat.displayName == "Alice Liddell")
                #expect(chat.extras == ["x": 1])
                #expect(chat.received != nil)
            }
            // The sending connection gets the ack, not a copy of its own message.
            #expect(try await alice.sync().isEmpty)
        }
    }

    @Test func unknownRecipientIsInvalidArgWithID() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            await alice.send(.chat(RealtimeChat(id: "m2", to: "nobody@natter.test", text: "hello?")))
            let error = try await alice.nextError()
            #expect(error.code == .invalidArg && error.id == "m2")
            await alice.send(.chat(RealtimeChat(id: "m3", to: "bob@other.test", text: "hello?")))
            #expect(try await alice.nextError().code == .invalidArg)
        }
    }

    @Test func chatWithoutIDIsDeliveredWithoutAck() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            let bob = try await server.connect("bob")
            await alice.send(.chat(RealtimeChat(to: "bob@natter.test", text: "no ack please")))
            let chat = try #require(try await bob.next().chat)
            #expect(chat.text == "no ack please")
            #expect(try await alice.sync().isEmpty)
        }
    }

    @Test func authorEditsAndDeletesOwnMessage() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            let bob = try await server.connect("bob")
            await alice.send(.chat(RealtimeChat(id: "1", to: "bob", text: "teh typo")))
            let key = try #require(try await alice.nextAck().key)
            _ = try await bob.next()

            await bob.send(.chatUpdated(RealtimeChat(id: "x", to: "alice", text: "hijack", key: key)))
            #expect(try await bob.nextError().code == .invalidArg)

            await alice.send(.chatUpdated(RealtimeChat(id: "2", to: "bob", text: "the typo", key: key)))
            #expect(try await alice.nextAck().key == key)
            let edit = try #require(try await bob.next().chatUpdated)
            #expect(edit.text == "the typo" && edit.key == key)

            await alice.send(.chatDeleted(RealtimeChatRef(id: "3", key: key)))
            #expect(try await alice.nextAck().replyType == "chat_deleted")
            let ref = try #require(try await bob.next().chatDeleted)
            #expect(ref.key == key)
        }
    }
}
