import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerReadMarkerTests {
    func key(_ number: Int) -> String { String(format: "%020d", number) }

    @Test func enteringAWindowPlacesTheUnreadLineAndMarksWhatIsShownAsRead() {
        var harness = ReducerHarness()
        let id = ConversationID.direct(harness.bob)
        for number in 1...3 { harness.event(.chat(.received(harness.incoming("m\(number)", key: key(number))))) }
        #expect(harness.state.readMarkers[id] == nil)

        let effects = harness.intent(.windows(.activate(.conversation(id))))
        #expect(ReducerHarness.commands(effects) == [.chat(.markRead(id, key: key(3)))])
        #expect(harness.state.readMarkers[id] == key(3))
        // Never read before: no line.
        #expect(harness.state.unreadLines[id] == nil)

        // While the window is active, arrivals are read at once but the line stays where it was.
        let arrival = harness.event(.chat(.received(harness.incoming("m4", key: key(4), at: 1))))
        #expect(ReducerHarness.commands(arrival) == [.chat(.markRead(id, key: key(4)))])
        harness.intent(.windows(.activate(.console)))
        harness.event(.chat(.received(harness.incoming("m5", key: key(5), at: 2))))
        harness.event(.chat(.received(harness.incoming("m6", key: key(6), at: 3))))
        #expect(harness.state.conversations[id]?.unread == 2)

        let back = harness.intent(.windows(.activate(.conversation(id))))
        #expect(harness.state.unreadLines[id] == key(4))
        #expect(ReducerHarness.commands(back) == [.chat(.markRead(id, key: key(6)))])
        // Nothing new: nothing sent.
        #expect(ReducerHarness.commands(harness.intent(.windows(.activate(.conversation(id))))).isEmpty)
    }

    @Test func aMarkerFromAnotherClientClearsWhatWasReadThere() {
        var harness = ReducerHarness()
        let id = ConversationID.direct(harness.bob)
        for number in 1...4 { harness.event(.chat(.received(harness.incoming("m\(number)", key: key(number))))) }
        #expect(harness.state.conversations[id]?.unread == 4)

        harness.event(.chat(.readMarker(id, key: key(3))))
        #expect(harness.state.conversations[id]?.unread == 1)
        #expect(harness.state.unreadLines[id] == key(3))
        // An older marker (a late frame) does not bring the unread back.
        harness.event(.chat(.readMarker(id, key: key(1))))
        #expect(harness.state.readMarkers[id] == key(3))
        #expect(harness.state.conversations[id]?.unread == 1)
    }

    @Test func keysCompareAsNumbers() {
        #expect(MessageKey.isNewer("10", than: "00000000000000000009"))
        #expect(!MessageKey.isNewer("00000000000000000009", than: "10"))
        #expect(!MessageKey.isNewer("abc", than: "1"))
        #expect(!MessageKey.isNewer("7", than: "7"))
    }
}
