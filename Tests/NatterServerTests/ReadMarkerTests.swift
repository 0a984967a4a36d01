import NatterCodecs
import Testing

@Suite("Realtime: read markers")
struct ReadMarkerTests {
    @Test func markerIsStoredPushedToTheUsersOtherConnectionsAndListedOnResume() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let laptop = try await server.connect("alice", resource: "laptop")
            let phone = try await server.connect("alice", resource: "phone")
            let bob = try await server.connect("bob")
            var keys: [String] = []
            for text in ["one", "two", "three"] {
                await bob.send(.chat(RealtimeChat(id: text, to: "alice", text: text)))
                keys.append(try #require(try await bob.nextAck().key))
            }
            _ = try await laptop.sync()
            _ = try await phone.sync()

            await laptop.send(.readMarker(RealtimeReadMarker(id: "m1", with: "bob", key: keys[1])))
            let ack = try await laptop.nextAck()
            #expect(ack.replyType == "read_marker")
            #expect(ack.response == ["with": .string("bob@natter.test"), "key": .string(keys[1])])
            guard case .readMarker(let pushed) = try await phone.next() else {
                Issue.record("the phone was not told the marker moved")
                return
            }
            #expect(pushed == RealtimeReadMarker(with: "bob@natter.test", key: keys[1]))
            // The marker is the user's: bob hears nothing of it.
            #expect(try await bob.sync().isEmpty)

            // An older position (a client that was offline) leaves the marker where it is and pushes nothing.
            await phone.send(.readMarker(RealtimeReadMarker(id: "m2", with: "bob@natter.test", key: keys[0])))
            #expect(try await phone.nextAck().response?["key"] == .string(keys[1]))
            #expect(try await laptop.sync().isEmpty)

            let later = try await server.connect("alice", resource: "desktop")
            await later.send(.readMarkers(id: "all"))
            let listed = try await later.nextAck()
            #expect(
                try RealtimeCodec.readMarkers(from: listed.response) == [
                    RealtimeReadMarker(with: "bob@natter.test", key: keys[1])
                ])
        }
    }

    @Test func markerMustNameAMessageOfThatConversation() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            let bob = try await server.connect("bob")
            await bob.send(.chat(RealtimeChat(id: "1", to: "alice", text: "hi")))
            let key = try #require(try await bob.nextAck().key)
            _ = try await alice.sync()

            await alice.send(.readMarker(RealtimeReadMarker(id: "a", with: "carol", key: key)))
            #expect(try await alice.nextError().code == .invalidArg)
            await alice.send(.readMarker(RealtimeReadMarker(id: "b", with: "bob", key: "99999999")))
            #expect(try await alice.nextError().code == .invalidArg)
            await alice.sendRaw(#"{"type":"read_marker","id":"c","with":"bob","key":"12x"}"#)
            #expect(try await alice.nextError().code == .invalidArg)
            await alice.send(.readMarkers(id: "d"))
            #expect(try await alice.nextAck().response == ["markers": .array([])])
        }
    }
}
