import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerReceiveTests {
    @Test func incomingOpensAWindowAndCountsUnread() {
        var harness = ReducerHarness()
        harness.event(.chat(.received(harness.incoming("hello", key: "k1"))))
        #expect(harness.state.windows == [.console, .conversation(.direct(harness.bob))])
        #expect(harness.state.conversations[.direct(harness.bob)]?.unread == 1)

        harness.intent(.activateNextUnread)
        #expect(harness.state.activeWindow == .conversation(.direct(harness.bob)))
        #expect(harness.state.conversations[.direct(harness.bob)]?.unread == 0)

        harness.event(.chat(.received(harness.incoming("again", key: "k2", at: 1))))
        #expect(harness.state.conversations[.direct(harness.bob)]?.unread == 0)
    }

    @Test func duplicateKeysAreIgnored() {
        var harness = ReducerHarness()
        harness.event(.chat(.received(harness.incoming("hello", key: "k1"))))
        let effects = harness.event(.chat(.received(harness.incoming("hello", key: "k1"))))
        #expect(effects.isEmpty)
        #expect(harness.state.conversations[.direct(harness.bob)]?.messages.count == 1)
    }

    @Test func historyMergesInTimestampOrderWithoutDuplicates() {
        var harness = ReducerHarness()
        harness.event(.chat(.received(harness.incoming("newest", key: "k3", at: 30))))
        harness.event(
            .chat(
                .historyLoaded(
                    .direct(harness.bob),
                    [
                        harness.incoming("old", key: "k1", at: 10), harness.incoming("newest", key: "k3", at: 30),
                        harness.incoming("middle", key: "k2", at: 20),
                    ],
                    hasMore: false)))
        let texts = harness.state.conversations[.direct(harness.bob)]?.messages.map(\.text)
        #expect(texts == ["old", "middle", "newest"])
        #expect(harness.state.conversations[.direct(harness.bob)]?.hasMoreHistory == false)
    }

    /// The window the first message opens fetches history; the page can hold the next message before its live
    /// copy arrives, and that copy is then a duplicate. Either way it is unread once, and the older page is not.
    @Test func aMessageTheHistoryPageBringsFirstIsStillUnread() {
        var harness = ReducerHarness()
        let id = ConversationID.direct(harness.bob)
        harness.event(.chat(.received(harness.incoming("one", key: "105", at: 10))))
        harness.event(
            .chat(
                .historyLoaded(
                    id,
                    [
                        harness.incoming("from last week", key: "7", at: 1),
                        harness.incoming("one", key: "105", at: 10), harness.incoming("two", key: "106", at: 11),
                    ],
                    hasMore: false)))
        #expect(harness.state.conversations[id]?.unread == 2)
        harness.event(.chat(.received(harness.incoming("two", key: "106", at: 11))))
        harness.event(.chat(.received(harness.incoming("three", key: "107", at: 12))))
        #expect(harness.state.conversations[id]?.messages.map(\.text) == ["from last week", "one", "two", "three"])
        #expect(harness.state.conversations[id]?.unread == 3)
    }

    @Test func typingLapsesWithoutDoneAndClearsOnMessage() {
        var harness = ReducerHarness()
        let id = ConversationID.direct(harness.bob)
        let effects = harness.event(.chat(.typing(id, harness.bob, true)))
        #expect(harness.state.conversations[id]?.typing == [harness.bob])
        #expect(effects == [.wake(at: harness.now.addingTimeInterval(8))])

        harness.intent(.tick(harness.now.addingTimeInterval(9)))
        #expect(harness.state.conversations[id]?.typing.isEmpty == true)

        harness.event(.chat(.typing(id, harness.bob, true)))
        harness.event(.chat(.received(harness.incoming("done typing", key: "k1"))))
        #expect(harness.state.conversations[id]?.typing.isEmpty == true)
    }

    @Test func presenceUpdatesTheRosterAndOrdersIt() {
        var harness = ReducerHarness()
        let carol = JID("carol@natter.test")!
        harness.event(
            .roster(
                .loaded([Contact(jid: harness.bob, displayName: "Bob"), Contact(jid: carol, displayName: "Carol")])))
        harness.event(.presence(.changed(carol.with(resource: "x"), .available, status: nil, since: nil)))
        #expect(harness.state.sortedContacts.map(\.displayName) == ["Carol", "Bob"])
        harness.event(.roster(.loaded([Contact(jid: carol, displayName: "Carol C.")])))
        #expect(harness.state.contacts[carol]?.presence == .available)
    }

    @Test func connectionLossIsAnnouncedAndClearsTyping() {
        var harness = ReducerHarness()
        harness.event(.chat(.typing(.direct(harness.bob), harness.bob, true)))
        let retry = harness.now.addingTimeInterval(4)
        let effects = harness.event(.session(.connection(.reconnecting(attempt: 1, retryAt: retry, reason: "reset"))))
        #expect(effects == [.wake(at: retry)])
        #expect(harness.state.statusNotice?.text == "connection lost: reset")
        #expect(harness.state.conversations[.direct(harness.bob)]?.typing.isEmpty == true)
    }
}
