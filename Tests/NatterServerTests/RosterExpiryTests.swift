import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Roster door: idle sessions expire on a timer", .serialized)
struct RosterExpiryTests {
    @Test func anIdleSessionEndsWithoutAnyRequestArriving() async throws {
        let clock = ManualClock()
        try await TestServer.with(clock: clock) { (server: TestServer) async throws in
            let door = try #require(server.server.doors.compactMap { $0 as? RosterDoor }.first)
            let sessions = door.controller.service.sessions
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let first = try #require(await alice.sessionID)
            #expect(sessions.sessions(of: "alice").count == 1)

            // Within the idle timeout the sweeper keeps it, however often it runs.
            clock.advance(by: RosterDoor.sessionIdleTimeout - RosterDoor.sweepInterval)
            try await Task.sleep(for: .milliseconds(50))
            #expect(sessions.sessions(of: "alice").count == 1)

            // Past it, a sweep ends it: nobody sends a request, time only passes.
            try await server.waitUntil("the sweeper ends alice's idle session") {
                clock.advance(by: RosterDoor.sweepInterval)
                return sessions.sessions(of: "alice").isEmpty
            }

            // The client that comes back is told by the new session id that its place is gone.
            _ = try await alice.sync()
            #expect(try #require(await alice.sessionID) != first)
        }
    }
}
