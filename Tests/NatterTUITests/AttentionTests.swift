import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// Which new messages ring the bell and run the notify command: private messages and highlights, elsewhere.
@Suite struct AttentionTests {
    let lounge = ConversationID.room(Fixture.lounge)
    let bobChat = ConversationID.direct(Fixture.bob)

    func state() -> ClientState {
        var state = Fixture.state()
        state.conversations[lounge] = Conversation(id: lounge, title: "Lounge", messages: [message("old", in: lounge)])
        state.conversations[bobChat] = Conversation(id: bobChat, title: "Bob", messages: [message("old", in: bobChat)])
        state.windows += [.conversation(lounge), .conversation(bobChat)]
        return state
    }

    func message(_ text: String, in id: ConversationID, outgoing: Bool = false) -> Message {
        Message(
            id: UUID().uuidString, conversation: id, sender: outgoing ? Fixture.alice : Fixture.bob,
            senderName: "Bob", text: text, timestamp: Fixture.noon, isOutgoing: outgoing)
    }

    mutating func arrive(_ text: String, in id: ConversationID, state: inout ClientState, outgoing: Bool = false) {
        state.conversations[id]!.messages.append(message(text, in: id, outgoing: outgoing))
        if !outgoing { state.conversations[id]!.unread += 1 }
    }

    @Test mutating func privateMessagesAndHighlightsAlertOthersDoNot() {
        var state = state()
        var tracker = AttentionTracker()
        #expect(tracker.update(state: state).isEmpty, "what was there at start is not news")
        arrive("anyone for lunch?", in: lounge, state: &state)
        #expect(tracker.update(state: state).isEmpty)
        arrive("ALICE, the build is red", in: lounge, state: &state)
        #expect(
            tracker.update(state: state) == [.init(level: .highlight, sender: "Bob", text: "ALICE, the build is red")])
        arrive("psst", in: bobChat, state: &state)
        #expect(tracker.update(state: state) == [.init(level: .privateMessage, sender: "Bob", text: "psst")])
        arrive("my own", in: bobChat, state: &state, outgoing: true)
        #expect(tracker.update(state: state).isEmpty)
        arrive("deploy at 3", in: lounge, state: &state)
        #expect(tracker.update(state: state, words: ["deploy"]).map(\.level) == [.highlight])
    }

    @Test mutating func aFirstMessageFromSomeoneNewRings() {
        var state = state()
        var tracker = AttentionTracker()
        _ = tracker.update(state: state)
        let carolChat = ConversationID.direct(Fixture.carol)
        state.conversations[carolChat] = Conversation(
            id: carolChat, title: "Carol", messages: [message("hi, new here", in: carolChat)], unread: 1)
        #expect(tracker.update(state: state).map(\.text) == ["hi, new here"])
    }

    @Test mutating func theWindowBeingReadDoesNotRing() {
        var state = state()
        state.activeWindow = .conversation(bobChat)
        var tracker = AttentionTracker()
        _ = tracker.update(state: state)
        arrive("psst", in: bobChat, state: &state)
        #expect(tracker.update(state: state).isEmpty)
    }

    @Test func theNotifyCommandGetsSenderAndTextAsArgumentsNotAShellLine() {
        let settings = AttentionSettings(notifyCommand: ["notify-send", "Natter"])
        let alert = AttentionTracker.Alert(level: .privateMessage, sender: "Bob", text: "$(rm -rf ~); echo hi")
        #expect(settings.arguments(for: alert) == ["notify-send", "Natter", "Bob", "$(rm -rf ~); echo hi"])
        #expect(AttentionSettings().arguments(for: alert) == nil)
    }
}
