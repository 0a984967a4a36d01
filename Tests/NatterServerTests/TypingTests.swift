import NatterCodecs
import Testing

@Suite("Realtime: typing notifications")
struct TypingTests {
    @Test func composingAndDoneReachTheRecipient() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            let bob = try await server.connect("bob")
            await alice.sendRaw(#"{"type":"user_typing","to":"bob@natter.test"}"#)
            #expect(
                try await bob.next()
                    == .userTyping(RealtimeTyping(from: "alice@natter.test", to: "bob@natter.test", state: .composing)))
            await alice.send(.userTyping(RealtimeTyping(id: "t", to: "bob", state: .done)))
            #expect(try await alice.nextAck().replyType == "user_typing")
            #expect(
                try await bob.next()
                    == .userTyping(RealtimeTyping(from: "alice@natter.test", to: "bob@natter.test", state: .done)))
        }
    }

    @Test func typingIsNotStored() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            await alice.send(.userTyping(RealtimeTyping(to: "carol")))
            await alice.send(.history(RealtimeHistoryRequest(id: "h", with: "carol", limit: 100)))
            let page = try RealtimeCodec.historyPage(from: try await alice.nextAck().response)
            #expect(page.messages.count == 2)
        }
    }
}
