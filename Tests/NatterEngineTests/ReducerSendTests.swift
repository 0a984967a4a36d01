import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerSendTests {
    @Test func sendShowsPendingUntilAcked() throws {
        var harness = ReducerHarness()
        let effects = harness.intent(.send(text: "hi bob", to: .direct(harness.bob)))
        let message = try #require(harness.state.conversations[.direct(harness.bob)]?.messages.last)
        #expect(message.delivery == .pending)
        #expect(message.isOutgoing)
        #expect(
            effects.contains(
                .adapter(
                    ReducerHarness.realtime, .chat(.send(localID: "m-1", to: .direct(harness.bob), text: "hi bob")))))
        #expect(effects.contains(.persist(message)))

        harness.event(.chat(.acked(localID: "m-1", serverKey: "k-9", timestamp: nil)))
        let acked = try #require(harness.state.conversations[.direct(harness.bob)]?.messages.last)
        #expect(acked.delivery == .sent)
        #expect(acked.serverKey == "k-9")
    }

    @Test func blankTextIsNotSent() {
        var harness = ReducerHarness()
        #expect(harness.intent(.send(text: "  \n ", to: .direct(harness.bob))).isEmpty)
        #expect(harness.state.conversations[.direct(harness.bob)] == nil)
    }

    @Test func offlineSendIsQueuedAndFlushedExactlyOnceOnReconnect() throws {
        var harness = ReducerHarness(online: false)
        let effects = harness.intent(.send(text: "later", to: .direct(harness.bob)))
        #expect(!ReducerHarness.sendsAny(effects))
        #expect(harness.state.statusNotice?.level == .warning)

        let reconnect = harness.event(.session(.authenticated(harness.alice)))
        let sends = reconnect.filter { if case .adapter(_, .chat(.send)) = $0 { true } else { false } }
        #expect(
            sends == [
                .adapter(ReducerHarness.realtime, .chat(.send(localID: "m-1", to: .direct(harness.bob), text: "later")))
            ])

        harness.event(.chat(.acked(localID: "m-1", serverKey: "k-1", timestamp: nil)))
        let again = harness.event(.session(.authenticated(harness.alice)))
        #expect(!again.contains { if case .adapter(_, .chat(.send)) = $0 { true } else { false } })
    }

    @Test func failureIsShownOnTheMessageAndInTheStatusBar() throws {
        var harness = ReducerHarness()
        harness.intent(.send(text: "x", to: .direct(harness.bob)))
        harness.event(.chat(.failed(localID: "m-1", reason: "unknown recipient")))
        #expect(
            harness.state.conversations[.direct(harness.bob)]?.messages.last?.delivery == .failed("unknown recipient"))
        #expect(harness.state.statusNotice?.level == .error)
    }
}
