import Foundation
import NatterCodecs
import NatterTestSupport
import Testing

@testable import NatterServer

/// A Channels connection lives only as long as the login session it was opened with.
@Suite("Channels login sessions")
struct ChannelsSessionTests {
    @Test func revokingTheSessionDropsItsConnectionAndNoOtherOne() async throws {
        let clock = ManualClock()
        try await TestServer.with(clock: clock) { server in
            let token = try await ChannelPeer.login(port: server.port, user: "alice")
            let revoked = try await ChannelPeer.connect(port: server.port, token: token, address: "alice@natter.test")
            let other = try await ChannelPeer.connect(port: server.port, user: "bob")
            defer { other.close() }
            try await revoked.sync()
            try await other.sync()
            try await server.server.storage.deleteSession(token)
            try await clock.waitForSleepers(2)
            clock.advance(by: ChannelsDoor.sessionCheckInterval)
            #expect(try await revoked.closed() == 1008)
            try await other.sync()
            // And the revoked token no longer opens anything.
            await #expect(throws: (any Error).self) {
                _ = try await ChannelPeer.connect(port: server.port, token: token)
            }
        }
    }

    @Test func anIdleSessionExpiresAndAnActiveOneLivesOn() async throws {
        let clock = ManualClock()
        try await TestServer.with(sessionLifetime: .seconds(60), clock: clock) { server in
            let idle = try await ChannelPeer.connect(port: server.port, user: "alice")
            let active = try await ChannelPeer.connect(port: server.port, user: "bob")
            defer { active.close() }
            // Twelve ticks of five seconds keep a session last used at the start alive; the thirteenth is past
            // its sixty-second lifetime. Each wait for both watchdogs to sleep again means the tick before it has
            // been checked.
            for _ in 0..<13 {
                try await active.sync()
                try await clock.waitForSleepers(2)
                clock.advance(by: ChannelsDoor.sessionCheckInterval)
            }
            #expect(try await idle.closed() == 1008)
            try await active.sync()
        }
    }
}
