import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// The unread line, `-- MORE (n new) --` counting down while paging, and the start of a conversation.
@Suite struct ReadMarkerScreenTests {
    let id = ConversationID.direct(Fixture.bob)

    func rows(_ state: ClientState, _ ui: inout InterfaceState, _ model: inout ScreenModel) -> [String] {
        model.render(state: state, ui: &ui, now: Fixture.noon).pane(.chat)!.rows.map(\.text).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    func keyed(_ count: Int, outgoingFrom: Int = .max) -> [Message] {
        (0..<count).map { index in
            var message = Fixture.message("message \(index)", minute: index, outgoing: index >= outgoingFrom)
            message.serverKey = String(format: "%020d", index + 1)
            return message
        }
    }

    @Test func unreadLineSitsAboveTheFirstMessageAfterTheReadPosition() throws {
        var state = Fixture.withChat(keyed(5))
        state.unreadLines[id] = String(format: "%020d", 3)
        var ui = InterfaceState(rows: 24, columns: 40)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        let shown = rows(state, &ui, &model)
        let line = try #require(shown.firstIndex { $0.contains(" unread ") })
        #expect(shown[line - 1] == "10:32 <Bob> message 2")
        #expect(shown[line + 1] == "10:33 <Bob> message 3")
        #expect(shown[line].hasPrefix("───") && shown[line].hasSuffix("───"))
        let row = model.render(state: state, ui: &ui, now: Fixture.noon).pane(.chat)!.rows.first {
            $0.text.contains(" unread ")
        }
        #expect(row?.runs.first?.role == .unread)
    }

    @Test func noUnreadLineWhenOnlyOwnMessagesFollowOrNothingIsMarked() {
        var state = Fixture.withChat(keyed(5, outgoingFrom: 3))
        var ui = InterfaceState(rows: 24, columns: 40)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        #expect(!rows(state, &ui, &model).contains { $0.contains(" unread ") })
        state.unreadLines[id] = String(format: "%020d", 3)
        #expect(!rows(state, &ui, &model).contains { $0.contains(" unread ") })
    }

    @Test func beginningOfConversationOnlyWhenNothingOlderExists() {
        var state = Fixture.withChat(keyed(3))
        var ui = InterfaceState(rows: 24, columns: 50)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        #expect(!rows(state, &ui, &model).contains("── beginning of conversation ──"))
        state.conversations[id]!.hasMoreHistory = false
        let shown = rows(state, &ui, &model)
        #expect(
            Array(shown.prefix(3)) == [
                "── beginning of conversation ──", "── Tuesday 2 January 2024 ──", "10:30 <Bob> message 0",
            ])
    }

    @Test func moreCountsDownAsNewMessagesComeIntoView() {
        var state = Fixture.withChat(keyed(60))
        var ui = InterfaceState(rows: 24, columns: 80)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        _ = rows(state, &ui, &model)
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        _ = rows(state, &ui, &model)
        state.conversations[id]!.messages += (60..<90).map { Fixture.message("new \($0)", minute: $0) }
        #expect(rows(state, &ui, &model).last == "-- MORE (30 new) --")
        var counts: [Int] = []
        while ui.scrollOffset(of: state.activeWindow) > 0 {
            _ = ui.handle(.pageDown, state: state, now: Fixture.noon)
            let last = rows(state, &ui, &model).last ?? ""
            if let match = last.firstMatch(of: /MORE \((\d+) new\)/) { counts.append(Int(match.1)!) }
        }
        // Paging down shows the new messages page by page: the count falls and never rises.
        #expect(!counts.isEmpty && counts.last! < 30)
        #expect(counts == counts.sorted(by: >))
        #expect(rows(state, &ui, &model).last == "11:59 <Bob> new 89")
    }
}
