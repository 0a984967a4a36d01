import NatterCodecs
import Testing

@Suite("Realtime: history extension")
struct HistoryTests {
    @Test func pagesBackwardsThroughAConversation() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            for index in 1...5 {
                await alice.send(.chat(RealtimeChat(id: "m\(index)", to: "bob", text: "extra \(index)")))
                _ = try await alice.nextAck()
            }
            // 4 seeded + 5 new messages between alice and bob.
            await alice.send(.history(RealtimeHistoryRequest(id: "h1", with: "bob@natter.test", limit: 6)))
            let first = try RealtimeCodec.historyPage(from: try await alice.nextAck().response)
            #expect(first.more)
            #expect(first.messages.map(\.text).suffix(5) == ["extra 1", "extra 2", "extra 3", "extra 4", "extra 5"])
            let keys = first.messages.compactMap(\.key)
            #expect(keys == keys.sorted() && keys.count == 6)

            await alice.send(.history(RealtimeHistoryRequest(id: "h2", with: "bob", before: keys.first, limit: 6)))
            let second = try RealtimeCodec.historyPage(from: try await alice.nextAck().response)
            #expect(!second.more)
            #expect(second.messages.count == 3)
            #expect(second.messages.first?.text == "Morning Alice! Did you see the build is green again?")
            #expect(second.messages.first?.from == "bob@natter.test")
            #expect(second.messages.first?.displayName == "Bob Martin")
        }
    }

    @Test func bothPartiesSeeTheSameHistory() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            let carol = try await server.connect("carol")
            await alice.send(.history(RealtimeHistoryRequest(id: "a", with: "carol")))
            await carol.send(.history(RealtimeHistoryRequest(id: "c", with: "alice")))
            let fromAlice = try RealtimeCodec.historyPage(from: try await alice.nextAck().response)
            let fromCarol = try RealtimeCodec.historyPage(from: try await carol.nextAck().response)
            #expect(fromAlice == fromCarol)
            #expect(fromAlice.messages.contains { $0.text.contains("東京") })
        }
    }

    @Test func roomHistoryAndBadRequests() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let bob = try await server.connect("bob")
            await bob.send(.history(RealtimeHistoryRequest(id: "r", with: "lounge@natter.test")))
            let page = try RealtimeCodec.historyPage(from: try await bob.nextAck().response)
            #expect(page.messages.count == 3 && page.messages.allSatisfy { $0.to == "lounge@natter.test" })
            #expect(page.messages.contains { $0.text.contains("☕") })

            await bob.send(.history(RealtimeHistoryRequest(id: "bad", with: "bob", before: "not-a-key")))
            #expect(try await bob.nextError().id == "bad")
            await bob.send(.history(RealtimeHistoryRequest(id: "who", with: "ghost")))
            #expect(try await bob.nextError().code == .invalidArg)
        }
    }
}
