import NatterCodecs
import Testing

@Suite("Realtime: authentication deadline")
struct AuthenticationTimeoutTests {
    @Test func aConnectionThatNeverAuthenticatesIsClosed() async throws {
        let clock = ManualClock()
        try await TestServer.with(authenticationTimeout: .seconds(10), clock: clock) {
            (server: TestServer) async throws in
            let idle = try await RealtimePeer.connect(port: server.port)
            // Talking without authenticating does not earn more time.
            await idle.send(.ping(id: "1"))
            #expect(try await idle.nextError().code == .notAuthenticated)
            try await clock.waitForSleepers(1)
            clock.advance(by: .seconds(9))
            await idle.send(.ping(id: "2"))
            #expect(try await idle.nextError().id == "2", "still open a second before the deadline")
            clock.advance(by: .seconds(1))
            #expect(await idle.waitForClose(timeout: .seconds(5)) == "policyViolation")
            #expect(await idle.closeReason == "authentication timeout")
        }
    }

    @Test func anAuthenticatedConnectionOutlivesTheDeadline() async throws {
        let clock = ManualClock()
        try await TestServer.with(authenticationTimeout: .seconds(10), clock: clock) {
            (server: TestServer) async throws in
            // Log in first: the deadline runs from the WebSocket's opening, not from the HTTP login.
            let sessionID = try await server.session("alice")
            let alice = try await RealtimePeer.connect(port: server.port)
            await alice.send(.auth(RealtimeAuth(id: "auth", sessionID: sessionID, agent: "tests")))
            #expect(try await alice.nextAck().replyType == "auth")
            try await clock.waitForSleepers(1)
            clock.advance(by: .seconds(60))
            // The watchdog has woken (it no longer sleeps) and found the connection authenticated.
            #expect(clock.sleeperCount == 0)
            await alice.send(.ping(id: "still-here"))
            #expect(try await alice.nextAck().replyTo == "still-here")
            #expect(await !alice.isClosed)
        }
    }
}
