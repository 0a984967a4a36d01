import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerWindowTests {
    @Test func numberedAndCyclicSwitching() {
        var harness = ReducerHarness()
        let carol = JID("carol@natter.test")!
        harness.intent(.openConversation(.direct(harness.bob)))
        harness.intent(.openConversation(.direct(carol)))
        #expect(harness.state.activeWindow == .conversation(.direct(carol)))
        harness.intent(.activateNumber(2))
        #expect(harness.state.activeWindow == .conversation(.direct(harness.bob)))
        harness.intent(.activateNumber(9))
        #expect(harness.state.activeWindow == .conversation(.direct(harness.bob)))
        harness.intent(.activatePrevious)
        #expect(harness.state.activeWindow == .console)
        harness.intent(.activatePrevious)
        #expect(harness.state.activeWindow == .conversation(.direct(carol)))
        harness.intent(.activateNext)
        #expect(harness.state.activeWindow == .console)
    }

    @Test func openingAConversationAsksForHistoryOnce() {
        var harness = ReducerHarness()
        let first = harness.intent(.openConversation(.direct(harness.bob)))
        #expect(
            first == [
                .adapter(ReducerHarness.realtime, .chat(.fetchHistory(.direct(harness.bob), before: nil, limit: 50)))
            ])
        harness.event(.chat(.historyLoaded(.direct(harness.bob), [harness.incoming("old", key: "k1")], hasMore: true)))
        harness.intent(.activate(.console))
        #expect(harness.intent(.openConversation(.direct(harness.bob))).isEmpty)
        #expect(
            harness.intent(.loadOlderHistory(.direct(harness.bob)))
                == [
                    .adapter(
                        ReducerHarness.realtime, .chat(.fetchHistory(.direct(harness.bob), before: "k1", limit: 50)))
                ])
    }

    @Test func joinAndPartARoom() {
        var harness = ReducerHarness()
        let effects = harness.intent(.joinRoom(harness.lounge))
        #expect(effects.first == .adapter(ReducerHarness.realtime, .rooms(.join(harness.lounge))))
        #expect(harness.state.activeWindow == .conversation(.room(harness.lounge)))
        harness.event(.rooms(.occupant(room: harness.lounge, user: harness.bob, .available)))
        #expect(harness.state.conversations[.room(harness.lounge)]?.occupants == [harness.bob])
        let leave = harness.intent(.leaveRoom(harness.lounge))
        #expect(leave == [.adapter(ReducerHarness.realtime, .rooms(.leave(harness.lounge)))])
        #expect(harness.state.windows == [.console])
    }

    @Test func consoleCannotBeClosed() {
        var harness = ReducerHarness()
        harness.intent(.closeWindow(.console))
        #expect(harness.state.windows == [.console])
    }
}
