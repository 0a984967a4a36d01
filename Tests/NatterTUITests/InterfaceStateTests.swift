import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct InterfaceStateTests {
    let bobChat = ConversationID.direct(Fixture.bob)

    func type(_ text: String, into ui: inout InterfaceState, state: ClientState, at time: Date) -> [AppAction] {
        text.flatMap { ui.handle(.character($0), state: state, now: time) }
    }

    @Test func composingIsThrottledAndStoppedOnSend() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        let start = Fixture.noon
        #expect(type("hel", into: &ui, state: state, at: start) == [.dispatch(.composing(bobChat, true))])
        #expect(type("lo", into: &ui, state: state, at: start.addingTimeInterval(4)).isEmpty)
        #expect(
            type("!", into: &ui, state: state, at: start.addingTimeInterval(6)) == [
                .dispatch(.composing(bobChat, true))
            ])
        let sent = ui.handle(.enter, state: state, now: start.addingTimeInterval(7))
        #expect(sent == [.dispatch(.send(text: "hello!", to: bobChat)), .dispatch(.composing(bobChat, false))])
    }

    @Test func clearingTheLineOrIdlingStopsComposing() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        _ = type("hi", into: &ui, state: state, at: Fixture.noon)
        #expect(ui.handle(.control("u"), state: state, now: Fixture.noon) == [.dispatch(.composing(bobChat, false))])
        _ = type("again", into: &ui, state: state, at: Fixture.noon)
        #expect(ui.nextDeadline == Fixture.noon.addingTimeInterval(10))
        #expect(ui.tick(now: Fixture.noon.addingTimeInterval(5)).isEmpty)
        #expect(ui.tick(now: Fixture.noon.addingTimeInterval(10)) == [.dispatch(.composing(bobChat, false))])
        #expect(ui.nextDeadline == nil)
    }

    @Test func noComposingInTheConsoleOrForCommands() {
        var ui = InterfaceState()
        #expect(type("hello", into: &ui, state: Fixture.state(), at: Fixture.noon).isEmpty)
        var chatUI = InterfaceState()
        #expect(type("/help", into: &chatUI, state: Fixture.withChat([]), at: Fixture.noon).isEmpty)
    }

    @Test func windowKeys() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        #expect(ui.handle(.alt("3"), state: state, now: Fixture.noon) == [.dispatch(.activateNumber(3))])
        #expect(ui.handle(.alt("a"), state: state, now: Fixture.noon) == [.dispatch(.activateNextUnread)])
        #expect(ui.handle(.control("n"), state: state, now: Fixture.noon) == [.dispatch(.activateNext)])
        #expect(ui.handle(.control("p"), state: state, now: Fixture.noon) == [.dispatch(.activatePrevious)])
    }

    @Test func switchingWindowsWhileTypingStopsComposing() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        _ = type("hi", into: &ui, state: state, at: Fixture.noon)
        #expect(
            ui.handle(.control("n"), state: state, now: Fixture.noon) == [
                .dispatch(.composing(bobChat, false)), .dispatch(.activateNext),
            ])
    }

    @Test func pasteSendsOneMessage() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        _ = ui.handle(.paste("line 1\nline 2\nline 3"), state: state, now: Fixture.noon)
        let actions = ui.handle(.enter, state: state, now: Fixture.noon)
        #expect(actions.first == .dispatch(.send(text: "line 1\nline 2\nline 3", to: bobChat)))
        #expect(actions.filter { if case .dispatch(.chat(.send)) = $0 { true } else { false } }.count == 1)
    }

    @Test func tabCompletesCommandsAndNames() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        _ = type("/ms", into: &ui, state: state, at: Fixture.noon)
        _ = ui.handle(.tab, state: state, now: Fixture.noon)
        #expect(ui.editor.string == "/msg ")
        _ = type("ca", into: &ui, state: state, at: Fixture.noon)
        _ = ui.handle(.tab, state: state, now: Fixture.noon)
        #expect(ui.editor.string == "/msg carol ")

        var chat = InterfaceState()
        _ = type("b", into: &chat, state: state, at: Fixture.noon)
        _ = chat.handle(.tab, state: state, now: Fixture.noon)
        #expect(chat.editor.string == "Bob: ")
    }

    @Test func tabCyclesThroughCandidates() {
        let state = Fixture.state()
        var ui = InterfaceState()
        _ = type("/p", into: &ui, state: state, at: Fixture.noon)
        _ = ui.handle(.tab, state: state, now: Fixture.noon)
        let first = ui.editor.string
        _ = ui.handle(.tab, state: state, now: Fixture.noon)
        #expect(Set([first, ui.editor.string]) == ["/part ", "/presence "])
    }
}
