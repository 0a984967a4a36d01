import NatterCodecs
import Testing

@Suite("Realtime: resends after a lost ack")
struct ResendTests {
    @Test func resendWithTheSameIDIsAckedWithTheSameKeyAndNotDeliveredTwice() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let bob = try await server.connect("bob")
            let first = try await server.connect("alice", resource: "laptop")
            await first.send(.chat(RealtimeChat(id: "m-42", to: "bob", text: "only once")))
            let key = try #require(try await first.nextAck().key)
            #expect(try await bob.next().isChat, "bob must get the first copy")

            // The ack was "lost": a new connection resends the same chat with the same id.
            let second = try await server.connect("alice", resource: "laptop-again")
            await second.send(.chat(RealtimeChat(id: "m-42", to: "bob", text: "only once")))
            #expect(try await second.nextAck().key == key)
            #expect(try await bob.sync().isEmpty, "bob got the resend as a second message")

            // Same id, different text: a client that restarted its counter, so a new message.
            await second.send(.chat(RealtimeChat(id: "m-42", to: "bob", text: "something new")))
            let other = try #require(try await second.nextAck().key)
            #expect(other != key)
        }
    }
}
