import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// Channel receipts as the screen earns them (displayed when drawn, read when the user is at the window) and
/// the delivery state of our own channel messages.
@Suite struct ChannelReceiptsTests {
    let id = ConversationID.channel("c1")

    /// Alice in channel c1, its window active, with `count` messages from bob that all owe receipts.
    func channelState(messages count: Int) -> ClientState {
        var state = Fixture.state()
        let messages = (0..<count).map { index in
            Message(
                id: "m-\(index)", serverKey: "m-\(index)", conversation: id, sender: Fixture.bob, text: "line \(index)",
                timestamp: Fixture.noon.addingTimeInterval(Double(index)), isOutgoing: false)
        }
        state.conversations[id] = Conversation(id: id, title: "#Ops", messages: messages)
        state.channels[id] = Channel(id: "c1", name: "Ops")
        var receipts = ChannelReceipts()
        for message in messages { receipts.arrived(message.id) }
        state.channelReceipts[id] = receipts
        state.windows.append(.conversation(id))
        state.activeWindow = .conversation(id)
        return state
    }

    func render(_ state: ClientState, rows: Int = 12) -> (ScreenModel, InterfaceState, [String]) {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var ui = InterfaceState(rows: rows, columns: 80)
        let screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        return (model, ui, screen)
    }

    @Test func onlyTheMessagesOnThePageAreDisplayed() {
        let state = channelState(messages: 30)
        let (model, ui, screen) = render(state)
        let shown = model.visibleMessageIDs(state: state, ui: ui)
        #expect(shown.first == "m-29")
        #expect(!shown.isEmpty && shown.count < 30)
        for messageID in shown {
            #expect(screen.contains { $0.contains("line \(messageID.dropFirst(2))") }, "\(messageID) is not on screen")
        }
        let oldestShown = shown.last!.dropFirst(2)
        let above = Int(oldestShown)! - 1
        #expect(!screen.contains { $0.contains("line \(above) ") || $0.hasSuffix("line \(above)") })

        let tracker = ReceiptTracker()
        let idle = tracker.receipts(
            state: state, shown: { shown }, atBottom: true, now: Fixture.noon)
        #expect(idle == [.channels(.displayed(id, messageIDs: shown, read: false))])
    }

    @Test func aKeyMakesTheFocusedWindowReadAndNothingIsOwedTwice() {
        var state = channelState(messages: 3)
        var tracker = ReceiptTracker(attention: 60)
        tracker.input(at: Fixture.noon)
        let present = tracker.receipts(state: state, shown: { ["m-2"] }, atBottom: true, now: Fixture.noon)
        #expect(present == [.channels(.markRead(id))])
        // Scrolled up, only what is on the page is read.
        let scrolled = tracker.receipts(state: state, shown: { ["m-0"] }, atBottom: false, now: Fixture.noon)
        #expect(scrolled == [.channels(.displayed(id, messageIDs: ["m-0"], read: true))])
        // Away from the keyboard for longer than the attention span: displayed only.
        let later = Fixture.noon.addingTimeInterval(61)
        let away = tracker.receipts(state: state, shown: { ["m-2"] }, atBottom: true, now: later)
        #expect(away == [.channels(.displayed(id, messageIDs: ["m-2"], read: false))])

        state.channelReceipts[id] = ChannelReceipts()
        #expect(tracker.receipts(state: state, shown: { ["m-2"] }, atBottom: true, now: Fixture.noon).isEmpty)
        state.activeWindow = .console
        state.channelReceipts[id]!.arrived("m-9")
        #expect(tracker.receipts(state: state, shown: { ["m-9"] }, atBottom: true, now: Fixture.noon).isEmpty)
    }

    @Test func ownMessagesShowStoredReceivedAndReadByN() {
        var state = channelState(messages: 0)
        let states: [(String, DeliveryState)] = [("a", .sent), ("b", .delivered), ("c", .read), ("d", .pending)]
        state.conversations[id]!.messages = states.enumerated().map { index, entry in
            Message(
                id: entry.0, conversation: id, sender: Fixture.alice, text: "mine \(entry.0)",
                timestamp: Fixture.noon.addingTimeInterval(Double(index)), isOutgoing: true, delivery: entry.1)
        }
        state.channelReceipts[id]!.add(reader: Fixture.bob, of: "c")
        state.channelReceipts[id]!.add(reader: Fixture.carol, of: "c")
        let screen = render(state).2
        #expect(screen.contains { $0.contains("mine a ✓ stored") })
        #expect(screen.contains { $0.contains("mine b ✓ received") })
        #expect(screen.contains { $0.contains("mine c ✓ read by 2") })
        #expect(screen.contains { $0.contains("mine d") && !$0.contains("✓") })
    }
}
