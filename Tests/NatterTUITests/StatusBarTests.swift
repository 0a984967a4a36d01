import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// The status bar as WeeChat and irssi users read it: an activity list that survives a narrow terminal, our own
/// presence, notices that go away, and no stale presence while disconnected.
@Suite struct StatusBarTests {
    func status(
        _ state: ClientState, columns: Int = 80, at now: Date = Fixture.noon, ui: InterfaceState? = nil
    )
        -> ScreenRow
    {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var interface = ui ?? InterfaceState(rows: 24, columns: columns)
        interface.columns = columns
        return model.render(state: state, ui: &interface, now: now).pane(.status)!.rows[0]
    }

    /// Console, a room with news, Bob (private), Carol's private chat naming alice (highlight), an idle room.
    func busyState() -> ClientState {
        var state = Fixture.state()
        let windows: [(ConversationID, String, [String])] = [
            (.room(Fixture.lounge), "A lounge with a very long name indeed", ["deploy at 3"]),
            (.direct(Fixture.bob), "Bob", ["are you there?"]),
            (.room(JID("ops@natter.test")!), "Ops", ["alice: can you look?"]),
            (.room(JID("quiet@natter.test")!), "Quiet", []),
        ]
        for (id, title, texts) in windows {
            let messages = texts.map { text in
                Message(
                    id: UUID().uuidString, conversation: id, sender: Fixture.carol, text: text,
                    timestamp: Fixture.noon, isOutgoing: false)
            }
            state.conversations[id] = Conversation(id: id, title: title, messages: messages, unread: messages.count)
            state.windows.append(.conversation(id))
        }
        state.activeWindow = .conversation(.room(JID("quiet@natter.test")!))
        return state
    }

    @Test func activityListsWindowNumbersByLevelWithTheirColours() {
        let row = status(busyState())
        #expect(row.text.hasSuffix("[Act: 4,3,2]"), "got \(row.text)")
        #expect(row.runs.contains(StyledRun("4", .activityHighlight)))
        #expect(row.runs.contains(StyledRun("3", .activityPrivate)))
        #expect(row.runs.contains(StyledRun("2", .activityMessage)))
    }

    @Test func activityStaysVisibleAt50ColumnsAndNamesAreCutWithAnEllipsis() {
        let row = status(busyState(), columns: 50)
        #expect(row.width == 50)
        #expect(row.text.hasSuffix("[Act: 4,3,2]"), "got \(row.text)")
        let wide = status(busyState(), columns: 120)
        #expect(wide.text.contains("2:A lounge with a…(1)"), "got \(wide.text)")
    }

    /// The window you are in stays in the bar however narrow; the ones that do not fit give way to `…`.
    @Test func theActiveWindowIsAlwaysInTheBar() {
        let row = status(busyState(), columns: 72)
        #expect(row.text.contains("[5:Quiet]"), "got \(row.text)")
        #expect(row.text.contains("[1:console] … [5:Quiet]"), "got \(row.text)")
        #expect(row.runs.contains(StyledRun("5:Quiet", .statusActive)))
        #expect(row.text.hasSuffix("[Act: 4,3,2]") && row.width == 72, "got \(row.text)")
        var first = busyState()
        first.activeWindow = .console
        let ordered = status(first, columns: 100)
        #expect(ordered.text.contains("[1:console] [2:A lounge with a…(1)] [3:"), "got \(ordered.text)")
        #expect(!ordered.text.contains("5:Quiet") && ordered.text.contains("… "), "got \(ordered.text)")
    }

    @Test func namesAreNeverCutInsideAWideCharacter() {
        var state = busyState()
        state.conversations[.room(Fixture.lounge)]!.title = "東京東京東京東京東京"
        let row = status(state, columns: 120)
        #expect(row.text.contains("2:東京東京東京東…(1)"), "got \(row.text)")
        #expect(row.width == 120)
    }

    @Test func newConsoleNoticesAreLowActivity() {
        var state = busyState()
        state.console.append(Notice(.warning, "something", timestamp: Fixture.noon))
        var ui = InterfaceState(rows: 24, columns: 80)
        ui.consoleSeen = Fixture.noon.addingTimeInterval(-60)
        let row = status(state, ui: ui)
        #expect(row.text.hasSuffix("[Act: 4,3,2,1]"), "got \(row.text)")
        #expect(row.runs.contains(StyledRun("1", .activityLow)))
    }

    @Test func ownPresenceAndStatusAreInTheBar() {
        var state = Fixture.state()
        state.accounts[.default]!.presence = .away
        state.accounts[.default]!.statusText = "lunch"
        #expect(status(state).text.hasPrefix("[online] alice@natter.test (away: lunch) [1:console]"))
        state.accounts[.default]!.presence = .available
        state.accounts[.default]!.statusText = nil
        #expect(status(state).text.hasPrefix("[online] alice@natter.test [1:console]"))
    }

    @Test func noticesLeaveTheBarAfterAFewSecondsButStayInTheConsole() {
        var state = Fixture.state()
        let notice = Notice(.info, "joined the lounge", timestamp: Fixture.noon)
        state.statusNotice = notice
        state.console.append(notice)
        #expect(status(state, at: Fixture.noon.addingTimeInterval(2)).text.contains("joined the lounge"))
        #expect(!status(state, at: Fixture.noon.addingTimeInterval(6)).text.contains("joined the lounge"))
        #expect(state.console.contains(notice))
        #expect(
            ScreenModel.noticeExpiry(state: state, now: Fixture.noon)
                == Fixture.noon.addingTimeInterval(ScreenModel.noticeLifetime))
        #expect(ScreenModel.noticeExpiry(state: state, now: Fixture.noon.addingTimeInterval(6)) == nil)
    }

    @Test func whileDisconnectedContactsPresenceIsUnknownNotOnline() {
        var state = Fixture.withChat([])
        Fixture.setConnection(.reconnecting(attempt: 1, retryAt: Fixture.noon, reason: "x"), in: &state)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var ui = InterfaceState(rows: 24, columns: 80)
        let screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(screen[0].contains("presence unknown"), "title: \(screen[0])")
        #expect(screen[2].hasPrefix("? Bob"), "roster: \(screen[2])")
        #expect(!screen.joined().contains("● Bob"))
    }

    @Test func aMessageNamingYouIsHighlightedInTheLine() {
        let state = Fixture.withChat([
            Fixture.message("alice: lunch?"), Fixture.message("malice aforethought", minute: 1),
            Fixture.message("deploy now", minute: 2),
        ])
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        model.highlightWords = ["deploy"]
        var ui = InterfaceState(rows: 24, columns: 80)
        let rows = model.render(state: state, ui: &ui, now: Fixture.noon).pane(.chat)!.rows
        func nickRole(_ text: String) -> StyleRole? {
            rows.first { $0.text.contains(text) }?.runs.first { $0.text.contains("<Bob>") }?.role
        }
        #expect(nickRole("alice: lunch?") == .highlight)
        #expect(nickRole("malice aforethought") == .otherNick, "a name inside a word is no highlight")
        #expect(nickRole("deploy now") == .highlight)
    }
}
