import NatterCodecs
import Testing

@Suite("Realtime: auth, acks and protocol errors")
struct ProtocolErrorTests {
    @Test func everythingBeforeAuthIsNotAuthenticatedAndConnectionSurvives() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let peer = try await RealtimePeer.connect(port: server.port)
            await peer.send(.ping(id: "early"))
            let error = try await peer.nextError()
            #expect(error.code == .notAuthenticated && error.id == "early")
            await peer.send(.chat(RealtimeChat(id: "c", to: "bob", text: "sneaky")))
            #expect(try await peer.nextError().code == .notAuthenticated)

            await peer.send(.auth(RealtimeAuth(id: "a", sessionID: try await server.session("alice"))))
            let ack = try await peer.nextAck()
            #expect(ack.replyTo == "a" && ack.replyType == "auth")
            #expect(ack.jid?.hasPrefix("alice@natter.test/") == true)
        }
    }

    @Test func badSessionIsAuthFailed() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let peer = try await RealtimePeer.connect(port: server.port)
            await peer.send(.auth(RealtimeAuth(id: "a", sessionID: "00000000000000000000000000000000")))
            let error = try await peer.nextError()
            #expect(error.code == .authFailed && error.id == "a")
            await peer.send(.auth(RealtimeAuth(id: "b", authorization: "Bearer nope")))
            #expect(try await peer.nextError().code == .authFailed)
            await peer.send(.ping(id: "p"))
            #expect(try await peer.nextError().code == .notAuthenticated)
        }
    }

    @Test func pingIsAcked() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            await alice.sendRaw(#"{"type":"ping","id":"23TplPdS"}"#)
            #expect(try await alice.nextAck() == RealtimeAck(replyTo: "23TplPdS", replyType: "ping"))
            await alice.sendRaw(#"{"type":"ping","id":17}"#)
            #expect(try await alice.nextAck().replyTo == "17")
        }
    }

    @Test func unknownTypeIsInvalidMessageType() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            await alice.sendRaw(#"{"type":"teleport","id":"t1"}"#)
            let error = try await alice.nextError()
            #expect(error.code == .invalidMessageType && error.id == "t1")
            await alice.send(.ack(RealtimeAck(replyTo: "x", replyType: "ping")))
            #expect(try await alice.nextError().code == .invalidMessageType)
        }
    }

    @Test func malformedInputIsInvalidArgAndConnectionStaysUsable() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            for garbage in ["{\"type\":", "[]", "42", "{}", #"{"type":"chat","id":"m","to":"bob"}"#] {
                await alice.sendRaw(garbage)
                let error = try await alice.nextError()
                #expect(error.code == .invalidArg, "\(garbage)")
                #expect(!error.text.isEmpty)
            }
            await alice.sendBinary([0xFF, 0x00, 0x7B])
            #expect(try await alice.nextError().code == .invalidArg)
            await alice.send(.ping(id: "still-here"))
            #expect(try await alice.nextAck().replyTo == "still-here")
        }
    }

    @Test func oversizedFrameClosesWith1009() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await server.connect("alice")
            let huge = String(repeating: "x", count: 2 << 20)
            await alice.send(.chat(RealtimeChat(id: "big", to: "bob", text: huge)))
            #expect(await alice.waitForClose() == "messageTooLarge")
        }
    }
}
