import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct ScrollbackTests {
    let utc = TimeZone(identifier: "UTC")!
    let day: TimeInterval = 86_400

    func chat(_ ui: inout InterfaceState, _ model: inout ScreenModel, _ state: ClientState) -> [String] {
        let frame = model.render(state: state, ui: &ui, now: Fixture.noon)
        return frame.pane(.chat)!.rows.map(\.text).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func message(_ text: String, at date: Date) -> Message {
        Message(
            id: UUID().uuidString, conversation: .direct(Fixture.bob), sender: Fixture.bob, text: text,
            timestamp: date, isOutgoing: false, delivery: .sent)
    }

    @Test func daySeparatorsBeforeEachNewLocalDay() {
        // 2024-01-02 10:30 UTC is a Tuesday.
        let state = Fixture.withChat([
            message("monday late", at: Fixture.noon.addingTimeInterval(-day + 13 * 3600)),
            message("tuesday", at: Fixture.noon),
            message("tuesday again", at: Fixture.noon.addingTimeInterval(60)),
            message("wednesday", at: Fixture.noon.addingTimeInterval(day)),
        ])
        var ui = InterfaceState(rows: 12, columns: 50)
        var model = ScreenModel(timeZone: utc)
        let rows = chat(&ui, &model, state).filter { !$0.isEmpty }
        #expect(
            rows == [
                "── Monday 1 January 2024 ──", "23:30 <Bob> monday late",
                "── Tuesday 2 January 2024 ──", "10:30 <Bob> tuesday", "10:31 <Bob> tuesday again",
                "── Wednesday 3 January 2024 ──", "10:30 <Bob> wednesday",
            ])
        let separator = model.render(state: state, ui: &ui, now: Fixture.noon).pane(.chat)!.rows.first {
            $0.text.hasPrefix("──")
        }
        #expect(separator?.runs.first?.role == .dim)
        // The same instants in Tokyo (UTC+9) fall on other local days: 23:30 UTC Monday is Tuesday morning there.
        var tokyo = ScreenModel(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        let local = chat(&ui, &tokyo, state).filter { $0.hasPrefix("──") }
        #expect(local == ["── Tuesday 2 January 2024 ──", "── Wednesday 3 January 2024 ──"])
    }

    @Test func clearedHistoryStartsWithTheDayOfTheFirstShownMessage() {
        let state = Fixture.withChat([
            message("old", at: Fixture.noon.addingTimeInterval(-day)),
            message("new", at: Fixture.noon),
        ])
        var ui = InterfaceState(rows: 12, columns: 50)
        ui.clearedBefore[state.activeWindow] = Fixture.noon.addingTimeInterval(-1)
        var model = ScreenModel(timeZone: utc)
        #expect(chat(&ui, &model, state).filter { !$0.isEmpty } == ["── Tuesday 2 January 2024 ──", "10:30 <Bob> new"])
    }

    @Test func scrolledUpViewStaysOnWhatTheUserWasReading() {
        var state = Fixture.withChat((0..<60).map { Fixture.message("message \($0)", minute: $0) })
        var ui = InterfaceState(rows: 24, columns: 80)
        var model = ScreenModel(timeZone: utc)
        _ = chat(&ui, &model, state)
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        let before = chat(&ui, &model, state)
        #expect(before.last == "-- MORE --")
        #expect(before.dropLast().last == "11:10 <Bob> message 40")
        // Three messages arrive, one of them on the next day (so a day line is added too), and bob starts typing.
        let id = ConversationID.direct(Fixture.bob)
        state.conversations[id]!.messages += [
            Fixture.message("new 1", minute: 60),
            Fixture.message("new 2 is long enough to wrap " + String(repeating: "x ", count: 40), minute: 61),
            message("tomorrow", at: Fixture.noon.addingTimeInterval(day)),
        ]
        state.conversations[id]!.typing = [Fixture.bob]
        let after = chat(&ui, &model, state)
        #expect(after.dropLast() == before.dropLast())
        #expect(after.last == "-- MORE (3 new) --")
        state.conversations[id]!.messages.append(message("new 4", at: Fixture.noon.addingTimeInterval(day + 60)))
        #expect(chat(&ui, &model, state).last == "-- MORE (4 new) --")
        #expect(chat(&ui, &model, state).dropLast() == before.dropLast())
        // End on an empty input line returns to the newest line; the marker gives way to the typing line.
        _ = ui.handle(.end, state: state, now: Fixture.noon)
        let bottom = chat(&ui, &model, state)
        #expect(bottom.last == "Bob is typing…")
        #expect(bottom.dropLast().last == "10:31 <Bob> new 4")
        #expect(ui.scrollAnchors.isEmpty)
    }

    @Test func pageDownAndAltEndReturnToTheBottom() {
        let state = Fixture.withChat((0..<60).map { Fixture.message("message \($0)", minute: $0) })
        var ui = InterfaceState(rows: 24, columns: 80)
        var model = ScreenModel(timeZone: utc)
        _ = chat(&ui, &model, state)
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        _ = chat(&ui, &model, state)
        _ = ui.handle(.pageDown, state: state, now: Fixture.noon)
        #expect(chat(&ui, &model, state).last == "11:29 <Bob> message 59")
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        _ = chat(&ui, &model, state)
        // End with text on the line moves the cursor and leaves the view alone; Alt+End always goes down.
        _ = ui.handle(.character("x"), state: state, now: Fixture.noon)
        _ = ui.handle(.end, state: state, now: Fixture.noon)
        #expect(chat(&ui, &model, state).last == "-- MORE --")
        _ = ui.handle(.altKey(.end), state: state, now: Fixture.noon)
        #expect(chat(&ui, &model, state).last == "11:29 <Bob> message 59")
    }

    @Test func shortConversationHasNothingToScroll() {
        let state = Fixture.withChat([Fixture.message("only one")])
        var ui = InterfaceState(rows: 24, columns: 80)
        var model = ScreenModel(timeZone: utc)
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        #expect(chat(&ui, &model, state).last == "10:30 <Bob> only one")
        #expect(ui.scrollOffset(of: state.activeWindow) == 0)
    }
}
