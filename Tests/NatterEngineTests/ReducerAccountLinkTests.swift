import Foundation
import NatterEngine
import NatterModel
import Testing

/// `/reconnect`, `/connect` after a refused login, and connection errors in the console.
@Suite struct ReducerAccountLinkTests {
    @Test func reconnectDropsTheLinkAndConnectsAgainAtOnce() {
        var harness = ReducerHarness(online: false)
        harness.event(
            .session(
                .connection(
                    .reconnecting(attempt: 3, retryAt: harness.now.addingTimeInterval(20), reason: "refused"))))
        let effects = harness.intent(.accounts(.reconnect(.default)))
        #expect(effects == [.disconnect(.default), .connect(.default)])
    }

    @Test func reconnectOfADetachedAccountOnlyConnects() {
        var harness = ReducerHarness(online: false)
        harness.event(.session(.detached))
        #expect(harness.intent(.accounts(.reconnect(.default))) == [.connect(.default)])
        #expect(harness.intent(.accounts(.reconnect(AccountID("nope")))).isEmpty)
        #expect(harness.state.statusNotice?.level == .error)
    }

    @Test func connectAfterARefusedLoginIsNotADeadEnd() {
        var harness = ReducerHarness(online: false)
        harness.event(.session(.connection(.offline(reason: "login failed: wrong user name or password"))))
        #expect(harness.intent(.accounts(.connect(.default))) == [.disconnect(.default), .connect(.default)])
        // The reason stays for the connector, which must not offer the refused password again.
        #expect(harness.state.accounts[.default]?.lastError == "login failed: wrong user name or password")
    }

    @Test func everyConnectionErrorReachesTheConsoleOnce() {
        var harness = ReducerHarness(online: false)
        let retry = harness.now.addingTimeInterval(5)
        harness.event(.session(.connection(.reconnecting(attempt: 1, retryAt: retry, reason: "refused"))))
        harness.event(.session(.connection(.connecting)))
        harness.event(.session(.connection(.reconnecting(attempt: 2, retryAt: retry, reason: "refused"))))
        harness.event(.session(.connection(.reconnecting(attempt: 3, retryAt: retry, reason: "TLS failed"))))
        let lines = harness.state.console.map(\.text).filter { $0.contains("cannot connect") }
        #expect(lines.count == 2, "console: \(lines)")
        #expect(lines.first?.contains("refused") == true)
        #expect(lines.last?.contains("TLS failed") == true)
    }

    /// Five protocol links of one account say "connected" once; one link lost and back on its own says so.
    @Test func anAccountSaysConnectedOnceWhateverItsLinks() {
        var harness = ReducerHarness(online: false)
        let channels = SourceKey(account: .default, protocolKind: .channels)
        harness.event(.session(.attached([.channels])), from: channels)
        // Supervisors report the socket up before the protocol signs in.
        harness.event(.session(.connection(.online)))
        harness.event(.session(.connection(.online)), from: channels)
        harness.event(.session(.authenticated(harness.alice)))
        harness.event(.session(.authenticated(harness.alice)), from: channels)
        let connected = harness.state.console.map(\.text).filter { $0.contains("connected as") }
        #expect(connected == ["connected as alice@natter.test/tui"])

        let retry = harness.now.addingTimeInterval(5)
        harness.event(.session(.connection(.reconnecting(attempt: 1, retryAt: retry, reason: "reset"))), from: channels)
        harness.event(.session(.connection(.online)), from: channels)
        harness.event(.session(.authenticated(harness.alice)), from: channels)
        #expect(harness.state.console.last?.text == "channels link is back")
    }

    /// A door whose sign-in reads as "online" (here channels) comes up after our presence was chosen: the owner of
    /// presence says it again, so the server's latest word is ours.
    @Test func anotherDoorSigningInIsFollowedByOurPresenceAgain() {
        var harness = ReducerHarness()
        let channels = SourceKey(account: .default, protocolKind: .channels)
        harness.event(.session(.attached([.channels])), from: channels)
        harness.intent(.setPresence(.away, status: "lunch"))
        let effects = harness.event(.session(.authenticated(harness.alice)), from: channels)
        #expect(effects.contains(.adapter(ReducerHarness.realtime, .presence(.set(.away, status: "lunch")))))
        harness.intent(.setPresence(.available, status: nil))
        let plain = harness.event(.session(.authenticated(harness.alice)), from: channels)
        #expect(
            !plain.contains { if case .adapter(_, .presence) = $0 { true } else { false } }, "online needs no repeat")
    }
}
