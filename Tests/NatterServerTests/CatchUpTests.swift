import NatterCodecs
import Testing

@Suite("Realtime: catch-up after a disconnect")
struct CatchUpTests {
    private static let notPresence: @Sendable (RealtimeMessage) -> Bool = {
        if case .presenceChange = $0 { false } else { true }
    }

    /// Sends a chat and returns its key once acked.
    @discardableResult
    private func say(_ text: String, to: String, from peer: RealtimePeer) async throws -> String {
        await peer.send(.chat(RealtimeChat(id: text, to: to, text: text)))
        let reply = try await peer.skip(until: { $0.ack?.replyTo == text })
        return try #require(reply.ack?.key, "the ack of '\(text)' carries the key")
    }

    private func join(_ room: String, _ peer: RealtimePeer) async throws {
        await peer.send(.teamJoin(RealtimeRoomRequest(id: "join-\(room)", to: room)))
        _ = try await peer.skip(until: { if case .ack = $0 { true } else { false } })
    }

    @Test func aReconnectingClientGetsWhatItMissedInPages() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            _ = try await server.server.storage.createRoom(
                name: "attic", displayName: "Attic", kind: .team, members: ["bob", "carol"])
            let laptop = try await server.connect("alice", resource: "laptop")
            let seen = try await say("last seen on the laptop", to: "bob", from: laptop)
            await laptop.close()

            let bob = try await server.connect("bob")
            let carol = try await server.connect("carol")
            let phone = try await server.connect("alice", resource: "phone")
            try await join("lounge", bob)
            try await join("attic", bob)
            try await say("b1", to: "alice", from: bob)
            try await say("in the lounge", to: "lounge@natter.test", from: bob)
            try await say("in the attic", to: "attic@natter.test", from: bob)
            try await say("c1", to: "alice", from: carol)
            try await say("not yours", to: "carol", from: bob)
            try await say("from my phone", to: "dave", from: phone)
            let regret = try await say("regretted", to: "alice", from: bob)
            await bob.send(.chatDeleted(RealtimeChatRef(id: "del", key: regret)))
            _ = try await bob.skip(until: { if case .ack = $0 { true } else { false } })
            try await say("b2", to: "alice", from: bob)

            let back = try await server.connect("alice", resource: "laptop")
            var texts: [String] = []
            var pages: [Bool] = []
            var after = seen
            var lounge: RealtimeChat?
            repeat {
                await back.send(
                    .history(RealtimeHistoryRequest(id: "c\(pages.count)", with: nil, after: after, limit: 2)))
                let ack = try #require(try await back.skip(until: Self.notPresence).ack)
                let page = try RealtimeCodec.historyPage(from: ack.response)
                texts += page.messages.map(\.text)
                pages.append(page.more)
                lounge = lounge ?? page.messages.first { $0.text == "in the lounge" }
                after = try #require(page.messages.last?.key)
            } while pages.last == true && pages.count < 5
            #expect(texts == ["b1", "in the lounge", "c1", "from my phone", "b2"])
            #expect(pages == [true, true, false])
            #expect(lounge?.to == "lounge@natter.test" && lounge?.from == "bob@natter.test")
            #expect(lounge?.displayName == "Bob Martin" && lounge?.received != nil)
        }
    }

    @Test func afterWithAConversationReadsForwardsInIt() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            let first = try await say("one", to: "bob", from: alice)
            try await say("to carol", to: "carol", from: alice)
            try await say("two", to: "bob", from: alice)
            await alice.send(.history(RealtimeHistoryRequest(id: "h", with: "bob", after: first)))
            let ack = try #require(try await alice.skip(until: Self.notPresence).ack)
            let page = try RealtimeCodec.historyPage(from: ack.response)
            #expect(page.messages.map(\.text) == ["two"] && !page.more)

            await alice.send(.history(RealtimeHistoryRequest(id: "bad", with: nil, after: "soon")))
            #expect(try await alice.nextError().code == .invalidArg)
            await alice.sendRaw(#"{"type":"history","id":"none"}"#)
            let error = try await alice.nextError()
            #expect(error.code == .invalidArg && error.id == "none")
        }
    }
}
