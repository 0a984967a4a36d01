import NatterCodecs
import Testing

@Suite("Realtime: team rooms")
struct RoomTests {
    private let lounge = "lounge@natter.test"

    private static func isChat(_ message: RealtimeMessage) -> Bool {
        if case .chat = message { true } else { false }
    }

    /// Late contact presence from the setup must not be mistaken for room traffic.
    private static let inLounge: @Sendable (RealtimeMessage) -> Bool = { message in
        if case .presenceChange(let presence) = message { presence.to == "lounge@natter.test" } else { true }
    }

    @Test func joinChatAndLeave() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice", resource: "a", announce: true)
            let bob = try await server.connect("bob", resource: "b", announce: true)
            let carol = try await server.connect("carol", resource: "c", announce: true)
            for peer in [alice, bob, carol] { _ = try await peer.sync() }

            await alice.send(.teamJoin(RealtimeRoomRequest(id: "j1", to: lounge)))
            #expect(try await alice.nextAck().replyType == "team_join")

            await bob.send(.teamJoin(RealtimeRoomRequest(id: "j2", to: "lounge")))
            #expect(
                try await bob.skip(until: Self.inLounge)
                    == .presenceChange(RealtimePresence(from: "alice@natter.test/a", to: lounge, presence: .available)))
            #expect(try await bob.nextAck().replyTo == "j2")
            #expect(
                try await alice.skip(until: Self.inLounge)
                    == .presenceChange(RealtimePresence(from: "bob@natter.test/b", to: lounge, presence: .available)))

            await alice.send(.chat(RealtimeChat(id: "m", to: lounge, text: "hello room")))
            #expect(try await alice.nextAck().key != nil)
            let chat = try #require(try await bob.next().chat)
            #expect(chat.to == lounge && chat.from == "alice@natter.test" && chat.text == "hello room")
            #expect(try await !carol.sync().contains(where: Self.isChat), "carol never joined")

            await bob.send(.teamLeave(RealtimeRoomRequest(id: "l", to: lounge)))
            #expect(try await bob.nextAck().replyType == "team_leave")
            #expect(
                try await alice.next()
                    == .presenceChange(RealtimePresence(from: "bob@natter.test/b", to: lounge, presence: .unavailable)))
            await alice.send(.chat(RealtimeChat(id: "m2", to: lounge, text: "anyone?")))
            _ = try await alice.nextAck()
            #expect(try await !bob.sync().contains(where: Self.isChat), "bob left the room")
        }
    }

    @Test func chatToRoomRequiresJoin() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            await alice.send(.chat(RealtimeChat(id: "m", to: lounge, text: "hi")))
            let error = try await alice.nextError()
            #expect(error.code == .invalidArg && error.id == "m")
            await alice.send(.teamJoin(RealtimeRoomRequest(id: "j", to: "team@natter.test")))
            #expect(try await alice.nextError().code == .invalidArg, "a distribution group is not a room")
        }
    }

    @Test func disconnectLeavesRooms() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice", resource: "a")
            let bob = try await server.connect("bob", resource: "b")
            await alice.send(.teamJoin(RealtimeRoomRequest(id: "j", to: lounge)))
            _ = try await alice.nextAck()
            await bob.send(.teamJoin(RealtimeRoomRequest(id: "j", to: lounge)))
            _ = try await bob.skip(until: { if case .ack = $0 { true } else { false } })
            let joined = try await alice.next()
            #expect(
                joined
                    == .presenceChange(
                        RealtimePresence(from: "bob@natter.test/b", to: lounge, presence: .available)))
            await bob.close()
            #expect(
                try await alice.next()
                    == .presenceChange(RealtimePresence(from: "bob@natter.test/b", to: lounge, presence: .unavailable)))
        }
    }

    @Test func aSecondSessionLeavingKeepsTheUserInTheRoom() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice", resource: "a")
            let bob1 = try await server.connect("bob", resource: "one")
            let bob2 = try await server.connect("bob", resource: "two")
            for (peer, number) in [(alice, 1), (bob1, 2), (bob2, 3)] {
                await peer.send(.teamJoin(RealtimeRoomRequest(id: "j\(number)", to: lounge)))
                _ = try await peer.skip(until: { if case .ack = $0 { true } else { false } })
            }
            #expect(
                try await alice.next()
                    == .presenceChange(RealtimePresence(from: "bob@natter.test/one", to: lounge, presence: .available)))
            await bob2.close()
            await bob1.close()
            // bob/one is still in after bob/two goes, so the first room presence alice hears is bob leaving
            // with his last session; a frame for bob/two would come first.
            #expect(
                try await alice.next()
                    == .presenceChange(
                        RealtimePresence(from: "bob@natter.test/one", to: lounge, presence: .unavailable)))
        }
    }

    @Test func teamListShowsJoinableRooms() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            await alice.send(.teamList(id: "t"))
            #expect(
                try RealtimeCodec.teams(from: try await alice.nextAck().response)
                    == [RealtimeTeam(jid: lounge, name: "Lounge", joined: false)])
            await alice.send(.teamJoin(RealtimeRoomRequest(id: "j", to: lounge)))
            _ = try await alice.nextAck()
            await alice.send(.teamList(id: "t2"))
            #expect(try RealtimeCodec.teams(from: try await alice.nextAck().response).first?.joined == true)
        }
    }
}
