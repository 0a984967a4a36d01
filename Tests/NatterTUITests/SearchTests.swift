import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// `/search` jumps to the match and marks it; Ctrl+R steps to the older one; `/lastlog` lists into the console.
@Suite struct SearchTests {
    func rows(_ state: ClientState, _ ui: inout InterfaceState, _ model: inout ScreenModel) -> [ScreenRow] {
        model.render(state: state, ui: &ui, now: Fixture.noon).pane(.chat)!.rows
    }

    func noticeTexts(_ actions: [AppAction]) -> [String] {
        actions.compactMap { action in
            if case .dispatch(.notice(let notice)) = action { notice.text } else { nil }
        }
    }

    @Test func searchJumpsToTheMatchAndHighlightsIt() throws {
        var messages = (0..<80).map { Fixture.message("filler \($0)", minute: $0) }
        messages[10].text = "the Needle is here"
        messages[40].text = "another needle"
        let state = Fixture.withChat(messages)
        var ui = InterfaceState(rows: 24, columns: 80)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        #expect(!rows(state, &ui, &model).contains { $0.text.contains("needle") })

        #expect(CommandParser().parse("/search needle", state: state) == [.search("needle")])
        _ = ui.search("needle", matches: [messages[10], messages[40]], state: state)
        var shown = rows(state, &ui, &model)
        let newest = try #require(shown.first { $0.text.contains("another needle") })
        #expect(newest.runs.contains(StyledRun("needle", .highlight)))
        #expect(!shown.contains { $0.text.contains("Needle is here") })

        _ = ui.handle(.control("r"), state: state, now: Fixture.noon)
        shown = rows(state, &ui, &model)
        let older = try #require(shown.first { $0.text.contains("the Needle is here") })
        #expect(older.runs.contains(StyledRun("Needle", .highlight)))
        // The other match is no longer the current one: plain text.
        #expect(!(shown.first { $0.text.contains("another needle") }?.runs.contains { $0.role == .highlight } ?? false))
        // Manual scrolling still works after a jump.
        let offset = ui.scrollOffset(of: state.activeWindow)
        _ = ui.handle(.pageDown, state: state, now: Fixture.noon)
        _ = rows(state, &ui, &model)
        #expect(ui.scrollOffset(of: state.activeWindow) < offset)
    }

    @Test func noMatchInMemorySaysWhereToLook() {
        let state = Fixture.withChat([Fixture.message("hello")])
        var ui = InterfaceState(rows: 24, columns: 80)
        let old = Fixture.message("needle from last year")
        let actions = ui.search("needle", matches: [old], state: state)
        #expect(
            noticeTexts(actions) == ["no match for \"needle\" in this window (1 in older history: /lastlog needle)"])
        #expect(ui.search == nil)
    }

    @Test func lastlogListsLinesWithTheirConversationIntoTheConsole() {
        let state = Fixture.withChat([])
        let match = Fixture.message("deploy \u{1B}[2Jdone")
        let actions = InterfaceState.lastlog("deploy", matches: [match], state: state)
        #expect(actions.last == .dispatch(.activate(.console)))
        let texts = noticeTexts(actions)
        #expect(texts.count == 2 && texts.first == "lastlog \"deploy\": 1 line")
        let line = texts.last ?? ""
        #expect(line.hasPrefix("Bob 2024-01-0") && line.contains("<Bob> deploy"))
        // Remote text reaches the console sanitised: no escape sequence survives.
        #expect(!line.unicodeScalars.contains { $0.value == 0x1B })
    }
}

@Suite struct CorrectionScreenTests {
    @Test func deletedAndEditedMessagesAreMarked() {
        var deleted = Fixture.message("secret")
        deleted.text = ""
        deleted.isDeleted = true
        var edited = Fixture.message("fixed", minute: 1)
        edited.isEdited = true
        let state = Fixture.withChat([deleted, edited])
        var ui = InterfaceState(rows: 24, columns: 80)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        let rows = model.render(state: state, ui: &ui, now: Fixture.noon).pane(.chat)!.rows.map(\.text).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(rows.contains("10:30 <Bob> (message deleted)"))
        #expect(rows.contains("10:31 <Bob> fixed (edited)"))
        #expect(
            CommandParser().parse("/edit new words", state: state) == [
                .dispatch(.chat(.editLast(.direct(Fixture.bob), text: "new words")))
            ])
    }
}
