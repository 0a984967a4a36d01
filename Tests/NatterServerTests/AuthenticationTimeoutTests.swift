import NatterCodecs
import Testing

@Suite("Realtime: authentication deadline")
struct AuthenticationTimeoutTests {
    @Test func aConnectionThatNeverAuthenticatesIsClosed() async throws {
        try await TestServer.with(authenticationTimeout: .milliseconds(300)) { (server: TestServer) async throws in
            let idle = try await RealtimePeer.connect(port: server.port)
            // Talking without authenticating does not earn more time.
            await idle.send(.ping(id: "1"))
            #expect(try await idle.nextError().code == .notAuthenticated)
            #expect(await idle.waitForClose(timeout: .seconds(3)) == "policyViolation")
            #expect(await idle.closeReason == "authentication timeout")
        }
    }

    @Test func anAuthenticatedConnectionOutlivesTheDeadline() async throws {
        try await TestServer.with(authenticationTimeout: .seconds(1)) { (server: TestServer) async throws in
            // Log in first: the deadline runs from the WebSocket's opening, not from the HTTP login.
            let sessionID = try await server.session("alice")
            let alice = try await RealtimePeer.connect(port: server.port)
            await alice.send(.auth(RealtimeAuth(id: "auth", sessionID: sessionID, agent: "tests")))
            #expect(try await alice.nextAck().replyType == "auth")
            try await Task.sleep(for: .milliseconds(1500))
            #expect(await !alice.isClosed)
            await alice.send(.ping(id: "still-here"))
            #expect(try await alice.nextAck().replyTo == "still-here")
        }
    }
}
