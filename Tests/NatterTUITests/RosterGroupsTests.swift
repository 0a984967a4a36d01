import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct RosterGroupsTests {
    static let dave = JID("dave@natter.test")!
    static let erin = JID("erin@natter.test")!
    static let store = SourceKey(account: .default, protocolKind: .contactStore)

    /// Bob and Carol online in Friends (Carol in Work too), Erin asked for and offline in Friends, Dave in no
    /// group; the account lists an empty group.
    static func state() -> ClientState {
        var state = Fixture.state()
        state.contacts[Fixture.bob]!.groups = ["Friends"]
        state.contacts[Fixture.carol]!.groups = ["Friends", "Work"]
        state.contacts[dave] = Contact(jid: dave, displayName: "Dave")
        var erin = Contact(jid: erin, displayName: "Erin", groups: ["Friends"])
        erin.awaitingAuthorization = true
        state.contacts[Self.erin] = erin
        state.rosterGroups[store] = ["Work", "Friends", "Empty"]
        return state
    }

    /// The roster pane's rows without the border, runs of spaces as one.
    func roster(_ state: ClientState, ui: inout InterfaceState) -> [String] {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        let pane = model.render(state: state, ui: &ui, now: Fixture.noon).pane(.roster)!
        return pane.rows.map { row in
            var text = String(row.text.dropLast())
            while text.contains("  ") { text = text.replacingOccurrences(of: "  ", with: " ") }
            return text.hasSuffix(" ") ? String(text.dropLast()) : text
        }.filter { !$0.isEmpty }
    }

    func press(_ key: Key, _ ui: inout InterfaceState, _ state: ClientState) -> [AppAction] {
        ui.handle(key, state: state, now: Fixture.noon)
    }

    @Test func groupsShowCountsEmptyGroupsOtherContactsAndPendingRequests() {
        var ui = InterfaceState(rows: 24, columns: 150)
        #expect(
            roster(Self.state(), ui: &ui) == [
                "Contacts 2/4",
                "− Empty 0/0",
                "− Friends 2/3",
                " ● Bob",
                " ◐ Carol",
                " ○ Erin (asked)",
                "− Work 1/1",
                " ◐ Carol",
                "− Other Contacts 0/1",
                " ○ Dave",
            ])
    }

    @Test func withoutAnyGroupTheRosterStaysOneFlatList() {
        var ui = InterfaceState(rows: 24, columns: 150)
        #expect(roster(Fixture.state(), ui: &ui) == ["Contacts 2/2", "● Bob", "◐ Carol"])
    }

    @Test func foldingFromAContactMovesTheCursorToItsGroupAndAltEnterUnfolds() {
        let state = Self.state()
        var ui = InterfaceState(rows: 24, columns: 150)
        _ = roster(state, ui: &ui)
        for _ in 0..<3 { _ = press(.altKey(.down), &ui, state) }
        #expect(ui.roster.cursor == .contact(Fixture.bob, group: "Friends"))
        #expect(press(.altKey(.left), &ui, state).isEmpty)
        #expect(ui.roster.cursor == .group("Friends"))
        var rows = roster(state, ui: &ui)
        #expect(rows[2] == "+ Friends 2/3" && rows[3] == "− Work 1/1")
        // Carol is still shown under Work: folding hides a group's lines, not its people.
        #expect(rows[4] == " ◐ Carol")
        #expect(press(.altKey(.enter), &ui, state).isEmpty)
        rows = roster(state, ui: &ui)
        #expect(rows[2] == "− Friends 2/3" && rows[3] == " ● Bob")
        // Alt+Down from the group's line goes into it; Alt+Enter there opens the chat.
        _ = press(.altKey(.down), &ui, state)
        #expect(press(.altKey(.enter), &ui, state) == [.dispatch(.openConversation(.direct(Fixture.bob)))])
    }

    @Test func aFilterSearchesFoldedGroupsAndHidesGroupsWithoutAMatch() {
        let state = Self.state()
        var ui = InterfaceState(rows: 24, columns: 150)
        ui.roster.setCollapsed("friends", true, state: state)
        _ = ui.filterRoster("carol", state: state)
        #expect(
            roster(state, ui: &ui) == [
                "Contacts 1/4 (filter: carol)", "− Friends 2/3", " ▸ Carol", "− Work 1/1", " ◐ Carol",
            ])
        _ = ui.filterRoster("", state: state)
        #expect(roster(state, ui: &ui)[2] == "+ Friends 2/3")
    }

    @Test func longNamesAreCutWithAnEllipsisBetweenGlyphsAndCountsStayWhole() {
        var state = Self.state()
        state.contacts[Self.dave]!.displayName = "漢字漢字漢字漢字漢字漢字"
        state.rosterGroups[Self.store]! += ["A group with a very long name"]
        // 100 columns: a 20-cell pane, 19 for text; 18 beside the indent.
        var ui = InterfaceState(rows: 24, columns: 100)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        let rows = model.render(state: state, ui: &ui, now: Fixture.noon).pane(.roster)!.rows
        for row in rows { #expect(row.width == 20) }
        let texts = rows.map(\.text)
        #expect(texts.contains("− A group with… 0/0│"))
        // 15 cells for the name: seven glyphs and the ellipsis; a half glyph is never drawn.
        #expect(texts.contains(" ○ 漢字漢字漢字漢… │"))
    }

    @Test func removingAGroupAsksFirstAndAnotherKeyCancels() throws {
        let state = Self.state()
        var ui = InterfaceState(rows: 24, columns: 150)
        _ = roster(state, ui: &ui)
        for _ in 0..<2 { _ = press(.altKey(.down), &ui, state) }
        #expect(ui.roster.cursor == .group("Friends"))
        let warning = try Fixture.notice(in: press(.altKey(.delete), &ui, state))
        #expect(warning.level == .warning)
        #expect(
            warning.text
                == "remove group Friends and the contacts in it alone (Bob, Erin)? — press Alt+Delete again to confirm")
        // Anything else in between disarms it.
        _ = press(.character("x"), &ui, state)
        #expect(try Fixture.notice(in: press(.altKey(.delete), &ui, state)).level == .warning)
        #expect(press(.altKey(.delete), &ui, state) == [.dispatch(.groups(.delete("Friends", account: .default)))])
    }

    @Test func removingAContactAsksFirst() throws {
        let state = Self.state()
        var ui = InterfaceState(rows: 24, columns: 150)
        _ = roster(state, ui: &ui)
        for _ in 0..<9 { _ = press(.altKey(.down), &ui, state) }
        #expect(ui.roster.cursor == .contact(Self.dave, group: "Other Contacts"))
        let warning = try Fixture.notice(in: press(.altKey(.delete), &ui, state))
        #expect(warning.text == "remove Dave <dave@natter.test> from every group? — press Alt+Delete again to confirm")
        #expect(press(.altKey(.delete), &ui, state) == [.dispatch(.roster(.remove(Self.dave, account: .default)))])
        // The contacts in no group have no group to remove or rename.
        _ = press(.altKey(.up), &ui, state)
        #expect(ui.roster.cursor == .group("Other Contacts"))
        #expect(try Fixture.notice(in: press(.altKey(.delete), &ui, state)).level == .error)
        #expect(try Fixture.notice(in: press(.alt("r"), &ui, state)).level == .error)
    }

    @Test func renamingPutsTheCommandOnTheInputLine() {
        let state = Self.state()
        var ui = InterfaceState(rows: 24, columns: 150)
        _ = roster(state, ui: &ui)
        for _ in 0..<6 { _ = press(.altKey(.down), &ui, state) }
        #expect(ui.roster.cursor == .group("Work"))
        #expect(press(.alt("r"), &ui, state).isEmpty)
        #expect(ui.editor.string == "/group rename Work ")
        for character in "Office" { _ = press(.character(character), &ui, state) }
        #expect(
            press(.enter, &ui, state) == [.dispatch(.groups(.rename(from: "Work", to: "Office", account: .default)))])
    }

    @Test func helpListsTheGlyphsAndTheGroupKeys() {
        let lines = CommandParser.helpLines
        #expect(lines.contains { $0.contains("● online") && $0.contains("○ offline") && $0.contains("? unknown") })
        #expect(lines.contains { $0.contains("(asked)") })
        #expect(lines.contains { $0.contains("Alt+Delete") && $0.contains("removes the group or contact") })
        let glyphs = Presence.allCases.map { ScreenModel.presenceSymbol($0).0 }
        #expect(Set(glyphs).count == glyphs.count)
    }
}
