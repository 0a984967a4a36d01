import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// Drafts per window, `/me`, the unsent count on `/quit`, and `/help` naming every alias.
@Suite struct WritingTests {
    let bobChat = ConversationID.direct(Fixture.bob)

    func type(_ text: String, into ui: inout InterfaceState, state: ClientState) {
        for character in text { _ = ui.handle(.character(character), state: state, now: Fixture.noon) }
    }

    @Test func eachWindowKeepsItsOwnDraft() {
        var state = Fixture.withChat([])
        var ui = InterfaceState()
        type("for bob", into: &ui, state: state)
        state.activeWindow = .console
        type("/join", into: &ui, state: state)
        #expect(ui.editor.string == "/join")
        #expect(ui.draft(of: .conversation(bobChat)) == "for bob")
        state.activeWindow = .conversation(bobChat)
        _ = ui.handle(.character("!"), state: state, now: Fixture.noon)
        #expect(ui.editor.string == "for bob!")
        #expect(ui.draft(of: .console) == "/join")
        let sent = ui.handle(.enter, state: state, now: Fixture.noon)
        #expect(sent.first == .dispatch(.send(text: "for bob!", to: bobChat)))
        state.activeWindow = .console
        ui.follow(state.activeWindow)
        #expect(ui.editor.string == "/join")
    }

    @Test func meSendsAnActionAndItIsShownAsOne() throws {
        let state = Fixture.withChat([Fixture.message("/me waves", minute: 1)])
        let actions = CommandParser().parse("/me waves back", state: state)
        #expect(actions == [.dispatch(.send(text: "/me waves back", to: bobChat))])
        #expect(
            CommandParser().parse("/me", state: state).first.map { action in
                if case .dispatch(.notice(let notice)) = action { notice.level == .error } else { false }
            } == true)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var ui = InterfaceState(rows: 24, columns: 80)
        let screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(screen.contains { $0.contains("10:31 * Bob waves") }, "\(screen.joined(separator: "\n"))")
    }

    @Test func quittingWithUnsentMessagesSaysHowMany() {
        var state = Fixture.withChat([
            Fixture.message("one", from: Fixture.alice, outgoing: true, delivery: .pending),
            Fixture.message("two", from: Fixture.alice, outgoing: true, delivery: .pending),
            Fixture.message("done", from: Fixture.alice, outgoing: true),
        ])
        #expect(
            CommandParser.unsentSummary(state: state) == "2 unsent messages will be sent the next time natter starts")
        state.conversations[bobChat]!.messages.removeFirst()
        #expect(
            CommandParser.unsentSummary(state: state) == "1 unsent message will be sent the next time natter starts")
        state.conversations[bobChat]!.messages.removeFirst()
        #expect(CommandParser.unsentSummary(state: state) == nil)
    }

    @Test func helpNamesEveryCommandAndAlias() throws {
        let lines = CommandParser.helpLines
        for entry in CommandParser.table {
            for name in entry.names {
                #expect(
                    lines.contains {
                        $0.contains("/" + name + " ") || $0.contains("/" + name + ",") || $0.contains("/" + name + ")")
                    }, "/\(name) is missing from /help")
            }
        }
        let query = CommandParser().parse("/help query", state: Fixture.state())
        #expect(query.count == 2)
        guard case .dispatch(.notice(let line)) = query.last else {
            Issue.record("expected the /msg line, got \(query)")
            return
        }
        #expect(line.text.hasPrefix("/msg NAME"))
        #expect(line.text.contains("(also /query, /m)"))
    }
}
