import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerReconnectTests {
    @Test func resendsGoBeforeHistoryAndCatchUpResumesFromTheNewestKey() {
        var harness = ReducerHarness(online: false)
        harness.event(.messageReceived(harness.incoming("seen", key: "00000000000000000007")))
        harness.intent(.send(text: "queued", to: .direct(harness.bob)))
        let effects = harness.event(.authenticated(harness.alice))
        let commands = effects.compactMap { effect -> AdapterCommand? in
            if case .adapter(let command) = effect { return command }
            return nil
        }
        #expect(
            commands == [
                .setPresence(.available, status: nil),
                .sendChat(localID: "m-1", to: .direct(harness.bob), text: "queued"),
                .catchUp(after: "00000000000000000007", limit: 200),
            ])
    }

    @Test func caughtUpMessagesCountAsUnreadAndPageUntilDone() {
        var harness = ReducerHarness()
        let carol = JID("carol@natter.test")!
        let first = harness.event(
            .caughtUp(
                [harness.incoming("while away", key: "10"), harness.incoming("also", key: "11", from: carol)],
                hasMore: true))
        #expect(first.contains(.adapter(.catchUp(after: "11", limit: 200))))
        #expect(harness.state.conversations[.direct(harness.bob)]?.unread == 1)
        #expect(harness.state.conversations[.direct(carol)]?.unread == 1)
        let last = harness.event(.caughtUp([harness.incoming("end", key: "12")], hasMore: false))
        #expect(!last.contains { if case .adapter = $0 { true } else { false } })
    }

    @Test func catchUpStopsAfterThePageLimit() {
        var harness = ReducerHarness()
        harness.reducer.catchUpPageLimit = 2
        harness.event(.caughtUp([harness.incoming("a", key: "1")], hasMore: true))
        let effects = harness.event(.caughtUp([harness.incoming("b", key: "2")], hasMore: true))
        #expect(!effects.contains { if case .adapter = $0 { true } else { false } })
        #expect(harness.state.statusNotice?.level == .warning)
    }

    @Test func keysCompareAsNumbersWhateverTheirPadding() {
        var harness = ReducerHarness()
        harness.event(.messageReceived(harness.incoming("a", key: "99")))
        harness.event(.messageReceived(harness.incoming("b", key: "100")))
        harness.event(.messageReceived(harness.incoming("c", key: "98")))
        #expect(harness.state.newestServerKey == "100")
    }

    @Test func theServersEchoOfOurOwnMessageMergesIntoIt() throws {
        var harness = ReducerHarness()
        harness.intent(.send(text: "note to self", to: .direct(harness.alice.bare)))
        let echo = Message(
            id: "k5", serverKey: "k5", conversation: .direct(harness.alice.bare), sender: harness.alice,
            text: "note to self", timestamp: harness.now, isOutgoing: false)
        harness.event(.messageReceived(echo))
        let effects = harness.event(.messageAcked(localID: "m-1", serverKey: "k5", timestamp: nil))
        let messages = try #require(harness.state.conversations[.direct(harness.alice.bare)]?.messages)
        #expect(messages.map(\.id) == ["m-1"])
        #expect(messages.first?.delivery == .sent)
        #expect(effects.contains(.forget(messageID: "k5")))
    }

    @Test func oversizedMessagesFailLocallyAndKeepTheirText() throws {
        var harness = ReducerHarness()
        harness.reducer.maximumMessageBytes = 10
        let effects = harness.intent(.send(text: String(repeating: "x", count: 11), to: .direct(harness.bob)))
        #expect(!effects.contains { if case .adapter = $0 { true } else { false } })
        let message = try #require(harness.state.conversations[.direct(harness.bob)]?.messages.last)
        guard case .failed(let reason) = message.delivery else {
            Issue.record("an oversized message must fail")
            return
        }
        #expect(reason.contains("too long"))
        #expect(message.text.count == 11)
        #expect(
            !harness.event(.authenticated(harness.alice)).contains {
                if case .adapter(.sendChat) = $0 { true } else { false }
            })
    }

    @Test func historyFailureEndsTheLoadingState() {
        var harness = ReducerHarness()
        harness.intent(.openConversation(.direct(harness.bob)))
        #expect(harness.state.conversations[.direct(harness.bob)]?.isLoadingHistory == true)
        #expect(harness.intent(.loadOlderHistory(.direct(harness.bob))).isEmpty)
        harness.event(.historyFailed(.direct(harness.bob), reason: "nope"))
        #expect(harness.state.conversations[.direct(harness.bob)]?.isLoadingHistory == false)
    }
}
