import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Login sessions: expiry")
struct SessionExpiryTests {
    private let day: TimeInterval = 24 * 60 * 60

    private func seeded() async throws -> Storage {
        let storage = try Storage(path: nil, passwordCost: 4, sessionLifetime: 30 * day)
        _ = try await DemoSeed.seedIfEmpty(storage, domain: "natter.test")
        return storage
    }

    @Test func useKeepsASessionAliveAndDisuseExpiresIt() async throws {
        let storage = try await seeded()
        defer { storage.close() }
        let alice = try #require(try await storage.user(named: "alice"))
        let start = Date()
        let id = try await storage.createSession(for: alice, now: start)
        #expect(try await storage.user(forSession: id, now: start + 29 * day)?.name == "alice")
        // Used on day 29, so still valid on day 58; unused since, expired on day 60.
        #expect(try await storage.user(forSession: id, now: start + 58 * day)?.name == "alice")
        #expect(try await storage.user(forSession: id, now: start + 89 * day) == nil)
    }

    @Test func expiredSessionsAreDeletedButLastActivityIsKept() async throws {
        let storage = try await seeded()
        defer { storage.close() }
        let alice = try #require(try await storage.user(named: "alice"))
        let bob = try #require(try await storage.user(named: "bob"))
        let start = Date()
        let old = try await storage.createSession(for: alice, now: start)
        let recent = try await storage.createSession(for: alice, now: start + 20 * day)
        #expect(try await storage.deleteExpiredSessions(now: start + 40 * day) == 1)
        #expect(try await storage.user(forSession: old, now: start) == nil, "deleted, not just refused")
        #expect(try await storage.user(forSession: recent, now: start + 40 * day) != nil)

        // A login purges too: alice's last session has been unused for 40 days when bob logs in.
        _ = try await storage.createSession(for: bob, now: start + 80 * day)
        #expect(try await storage.user(forSession: recent, now: start + 40 * day) == nil)
        let contact = try #require(try await storage.contacts(of: bob).first { $0.user.name == "alice" })
        let lastActive = try #require(contact.lastActive)
        #expect(
            abs(lastActive.timeIntervalSince(start + 40 * day)) < 0.001,
            "offline contacts stay dated after their sessions go")
    }

    @Test func authWithAnExpiredSessionFails() async throws {
        let clock = ManualClock()
        try await TestServer.with(sessionLifetime: .seconds(3600), clock: clock) { (server: TestServer) async throws in
            let expiring = try await server.session("alice")
            let kept = try await server.session("alice")
            clock.advance(by: .seconds(1800))
            // Used half-way, so it lives on; the other one is unused for longer than the lifetime.
            let keeper = try await RealtimePeer.connect(port: server.port)
            await keeper.send(.auth(RealtimeAuth(id: "k", sessionID: kept, agent: "tests")))
            #expect(try await keeper.nextAck().replyTo == "k")
            await keeper.close()
            clock.advance(by: .seconds(1801))
            let peer = try await RealtimePeer.connect(port: server.port)
            await peer.send(.auth(RealtimeAuth(id: "a", sessionID: expiring, agent: "tests")))
            let error = try await peer.nextError()
            #expect(error.code == .authFailed && error.id == "a")
            await peer.send(.auth(RealtimeAuth(id: "b", sessionID: kept, agent: "tests")))
            #expect(try await peer.nextAck().replyTo == "b")
        }
    }
}
