import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerReconnectTests {
    @Test func resendsGoBeforeHistoryAndCatchUpResumesFromTheAdaptersCursor() {
        var harness = ReducerHarness(online: false)
        harness.event(.chat(.received(harness.incoming("seen", key: "00000000000000000007"))))
        let saved = harness.event(.session(.resumeCursor(ResumeCursor("00000000000000000007"))))
        #expect(saved == [.saveCursor(ResumeCursor("00000000000000000007"), for: ReducerHarness.realtime)])
        harness.intent(.send(text: "queued", to: .direct(harness.bob)))
        let effects = harness.event(.session(.authenticated(harness.alice)))
        #expect(
            ReducerHarness.commands(effects) == [
                .presence(.set(.available, status: nil)),
                .chat(.send(localID: "m-1", to: .direct(harness.bob), text: "queued")),
                .chat(.catchUp(after: ResumeCursor("00000000000000000007"), limit: 200)),
            ])
    }

    @Test func caughtUpMessagesCountAsUnreadAndPageFromTheMovedCursorUntilDone() {
        var harness = ReducerHarness()
        let carol = JID("carol@natter.test")!
        harness.event(.session(.resumeCursor(ResumeCursor("11"))))
        let first = harness.event(
            .chat(
                .caughtUp(
                    [harness.incoming("while away", key: "10"), harness.incoming("also", key: "11", from: carol)],
                    hasMore: true)))
        #expect(ReducerHarness.commands(first) == [.chat(.catchUp(after: ResumeCursor("11"), limit: 200))])
        #expect(harness.state.conversations[.direct(harness.bob)]?.unread == 1)
        #expect(harness.state.conversations[.direct(carol)]?.unread == 1)
        let last = harness.event(.chat(.caughtUp([harness.incoming("end", key: "12")], hasMore: false)))
        #expect(!ReducerHarness.sendsAny(last))
    }

    @Test func catchUpStopsAfterThePageLimit() {
        var harness = ReducerHarness()
        harness.reducer.catchUpPageLimit = 2
        harness.event(.session(.resumeCursor(ResumeCursor("1"))))
        harness.event(.chat(.caughtUp([harness.incoming("a", key: "1")], hasMore: true)))
        let effects = harness.event(.chat(.caughtUp([harness.incoming("b", key: "2")], hasMore: true)))
        #expect(!ReducerHarness.sendsAny(effects))
        #expect(harness.state.statusNotice?.level == .warning)
    }

    @Test func theCursorIsTheAdaptersAndIsNeverInterpreted() {
        var harness = ReducerHarness()
        harness.event(.session(.resumeCursor(ResumeCursor("100"))))
        harness.event(.session(.resumeCursor(ResumeCursor("99"))))
        #expect(harness.state.accounts[.default]?.cursors[.realtime] == ResumeCursor("99"))
    }

    @Test func theServersEchoOfOurOwnMessageMergesIntoIt() throws {
        var harness = ReducerHarness()
        harness.intent(.send(text: "note to self", to: .direct(harness.alice.bare)))
        let echo = Message(
            id: "k5", serverKey: "k5", conversation: .direct(harness.alice.bare), sender: harness.alice,
            text: "note to self", timestamp: harness.now, isOutgoing: false)
        harness.event(.chat(.received(echo)))
        let effects = harness.event(.chat(.acked(localID: "m-1", serverKey: "k5", timestamp: nil)))
        let messages = try #require(harness.state.conversations[.direct(harness.alice.bare)]?.messages)
        #expect(messages.map(\.id) == ["m-1"])
        #expect(messages.first?.delivery == .sent)
        #expect(effects.contains(.forget(messageID: "k5", account: .default)))
    }

    @Test func oversizedMessagesFailLocallyAndKeepTheirText() throws {
        var harness = ReducerHarness()
        harness.reducer.maximumMessageBytes = 10
        let effects = harness.intent(.send(text: String(repeating: "x", count: 11), to: .direct(harness.bob)))
        #expect(!ReducerHarness.sendsAny(effects))
        let message = try #require(harness.state.conversations[.direct(harness.bob)]?.messages.last)
        let failed = if case .failed(let reason) = message.delivery { reason } else { "" }
        #expect(failed.contains("too long"), "an oversized message must fail, not \(message.delivery)")
        #expect(message.text.count == 11)
        #expect(
            !harness.event(.session(.authenticated(harness.alice))).contains {
                if case .adapter(_, .chat(.send)) = $0 { true } else { false }
            })
    }

    @Test func historyFailureEndsTheLoadingState() {
        var harness = ReducerHarness()
        harness.intent(.openConversation(.direct(harness.bob)))
        #expect(harness.state.conversations[.direct(harness.bob)]?.isLoadingHistory == true)
        #expect(harness.intent(.loadOlderHistory(.direct(harness.bob))).isEmpty)
        harness.event(.chat(.historyFailed(.direct(harness.bob), reason: "nope")))
        #expect(harness.state.conversations[.direct(harness.bob)]?.isLoadingHistory == false)
    }
}
