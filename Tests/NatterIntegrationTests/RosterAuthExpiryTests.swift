import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Synchronization
import Testing

/// The Zimbra IM adapter against a natterd whose login sessions last one second, shorter than the long poll:
/// every poll's next request meets `service.AUTH_EXPIRED`, the adapter logs in again naming its session, and
/// messages sent in between arrive exactly once and in order, without the link ever going into backoff.
@Suite(.serialized, .offThePool) struct RosterAuthExpiryTests {
    final class Recorder: Sendable {
        let events = Mutex<[EngineEvent]>([])

        func record(_ event: EngineEvent) { events.withLock { $0.append(event) } }

        var texts: [String] {
            events.withLock { events in
                events.compactMap { if case .chat(.received(let message)) = $0 { message.text } else { nil } }
            }
        }

        var reconnected: Bool {
            events.withLock { events in
                events.contains { if case .session(.connection(.reconnecting)) = $0 { true } else { false } }
            }
        }
    }

    @Test func anExpiredTokenIsRenewedWithoutLosingOrRepeatingNotifications() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer", "--session-lifetime", "1"])
        let recorder = Recorder()
        let alice = RosterAdapter(
            configuration: RosterAdapterConfiguration(
                serverURL: server.url, user: "alice", password: "alice", backoff: ReconnectBackoff(base: 0.2, cap: 1),
                pollTimeout: .seconds(2)))
        alice.start { recorder.record($0) }
        defer { alice.stop() }
        let (bob, bobWaiter) = RosterIntegrationTests.zimbraClient("bob", server: server)
        defer { bob.detachAll() }
        #expect(bobWaiter.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        #expect(
            TestProcess.poll(timeout: 15) { recorder.events.withLock { $0.contains(.session(.synchronized)) } },
            "alice never logged in")

        let aliceJID = JID("alice@natter.test")!
        let count = 4
        for index in 1...count {
            // Each message goes out after alice's token has expired and been renewed once more.
            let renewals = alice.tokenRenewals
            #expect(TestProcess.poll(timeout: 15) { alice.tokenRenewals > renewals }, "alice's token was not renewed")
            bob.dispatch(.send(text: "m\(index)", to: .direct(aliceJID)))
        }
        let expected = (1...count).map { "m\($0)" }
        #expect(TestProcess.poll(timeout: 15) { recorder.texts.count >= count }, "got \(recorder.texts)")
        #expect(recorder.texts == expected)
        #expect(!recorder.reconnected, "an expired token put the link into backoff instead of logging in again")
        // A renewal is not a new login: the engine would re-send unacknowledged messages a second time.
        #expect(recorder.events.withLock { $0.filter { $0 == .session(.authenticated(aliceJID)) }.count } == 1)
    }
}
