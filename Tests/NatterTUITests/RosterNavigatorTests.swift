import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct RosterNavigatorTests {
    func render(_ state: ClientState, ui: inout InterfaceState, model: inout ScreenModel) -> [String] {
        model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
    }

    /// Alice plus user0000…user9999; every third one online.
    static func bigState() -> ClientState {
        var state = ClientState(domain: Fixture.domain)
        Fixture.setConnection(.online, in: &state)
        for index in 0..<10_000 {
            let jid = JID(local: String(format: "user%04d", index), domain: Fixture.domain)
            state.contacts[jid] = Contact(jid: jid, presence: index % 3 == 0 ? .available : .unavailable)
        }
        return state
    }

    func rosterText(_ screen: [String], width: Int) -> [String] {
        screen.dropFirst().prefix(while: { !$0.hasPrefix("[") }).map { String($0.prefix(width - 1)) }
    }

    @Test func altArrowsWalkTheWholeBigRoster() {
        let state = Self.bigState()
        var ui = InterfaceState(rows: 30, columns: 100)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        _ = render(state, ui: &ui, model: &model)
        // The first press places the cursor on the first contact shown.
        #expect(ui.handle(.altKey(.down), state: state, now: Fixture.noon).isEmpty)
        #expect(ui.roster.cursor == .contact(JID("user0000@natter.test")!, group: nil))
        for _ in 0..<3 { _ = ui.handle(.altKey(.pageDown), state: state, now: Fixture.noon) }
        // 3 pages of 26 rows (pane height 27, one row of overlap): online users come first, every third index.
        #expect(ui.roster.cursor == .contact(JID(String(format: "user%04d@natter.test", 78 * 3))!, group: nil))
        var screen = render(state, ui: &ui, model: &model)
        #expect(screen.contains { $0.hasPrefix("▸ user0234") })
        // Far past the end clamps on the last (offline) contact, and the pane scrolls there.
        for _ in 0..<500 { _ = ui.handle(.altKey(.pageDown), state: state, now: Fixture.noon) }
        #expect(ui.roster.cursor == .contact(JID("user9998@natter.test")!, group: nil))
        screen = render(state, ui: &ui, model: &model)
        #expect(screen[27].hasPrefix("▸ user9998"))
        #expect(screen[26].hasPrefix("○ user9997"))
        _ = ui.handle(.altKey(.up), state: state, now: Fixture.noon)
        screen = render(state, ui: &ui, model: &model)
        #expect(screen[26].hasPrefix("▸ user9997"))
        let opened = ui.handle(.altKey(.enter), state: state, now: Fixture.noon)
        #expect(opened == [.dispatch(.openConversation(.direct(JID("user9997@natter.test")!)))])
        #expect(ui.roster.cursor == nil)
    }

    @Test func filterNarrowsTenThousandContactsCorrectly() throws {
        let state = Self.bigState()
        var ui = InterfaceState(rows: 30, columns: 100)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        _ = render(state, ui: &ui, model: &model)
        let actions = ui.filterRoster("  USER12 ", state: state)
        let notice = try Fixture.notice(in: actions)
        #expect(
            notice.text
                == "roster filter \"USER12\": 100 of 10000 contacts — Alt+Up/Down to pick, Alt+Enter to open, /roster to clear"
        )
        let screen = render(state, ui: &ui, model: &model)
        // A 20-column pane has no room for the filter beside the counts, so it takes a second header row.
        #expect(screen[1].hasPrefix("Contacts 100/10000 │"))
        #expect(screen[2].hasPrefix("(filter: USER12)"))
        // Exactly user1200…user1299, online ones (index divisible by 3) first, each group in name order.
        var expected = (1200..<1300).filter { $0 % 3 == 0 } + (1200..<1300).filter { $0 % 3 != 0 }
        expected = Array(expected.prefix(25))
        let shown = rosterText(screen, width: 20).dropFirst(2).map { String($0.dropFirst(2).prefix(8)) }
        #expect(shown == expected.map { String(format: "user%04d", $0) })
        // The cursor starts on the first match, so Alt+Enter opens it at once.
        let opened = ui.handle(.altKey(.enter), state: state, now: Fixture.noon)
        #expect(opened == [.dispatch(.openConversation(.direct(JID("user1200@natter.test")!)))])
        // The match list follows the roster: a contact going online moves up within the filter.
        var changed = state
        changed.contacts[JID("user1298@natter.test")!]!.presence = .available
        changed.revision += 1
        ui.roster.refresh(state: changed)
        #expect(ui.roster.contactCount == 100)
        #expect(ui.roster.contact(at: 33).jid.local == "user1298")
        _ = ui.filterRoster("", state: changed)
        #expect(render(changed, ui: &ui, model: &model)[1].hasPrefix("Contacts 3335/10000"))
    }

    @Test func filterIsCaseAndDiacriticInsensitiveAndMatchesAddresses() {
        var state = Fixture.state()
        let zoe = JID("zoe.b@natter.test")!
        let anne = JID("a.n@elsewhere.test")!
        state.contacts[zoe] = Contact(jid: zoe, displayName: "Zoë Brontë", presence: .available)
        state.contacts[anne] = Contact(jid: anne, displayName: "ÁNNE", presence: .available)
        state.rooms[.room(Fixture.lounge)] = RoomInfo(jid: Fixture.lounge, name: "Lounge")
        var ui = InterfaceState()
        _ = ui.filterRoster("bronte", state: state)
        #expect(ui.roster.contactCount == 1 && ui.roster.contact(at: 0).jid == zoe)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        ui.columns = 150
        let screen = render(state, ui: &ui, model: &model)
        #expect(screen[1].hasPrefix("Contacts 1/4 (filter: bronte)"))
        #expect(screen[2].hasPrefix("▸ Zoë Brontë"))
        _ = ui.filterRoster("anne", state: state)
        #expect(ui.roster.contactCount == 1 && ui.roster.contact(at: 0).jid == anne)
        _ = ui.filterRoster("elsewhere", state: state)
        #expect(ui.roster.contactCount == 1)
        _ = ui.filterRoster("LOUN", state: state)
        #expect(ui.roster.contactCount == 0 && ui.roster.rooms.map(\.id) == [.room(Fixture.lounge)])
        // A room not yet joined is joined rather than merely opened.
        #expect(ui.handle(.altKey(.enter), state: state, now: Fixture.noon) == [.dispatch(.joinRoom(Fixture.lounge))])
        _ = ui.filterRoster("nobody", state: state)
        #expect(ui.roster.entryCount == 0 && ui.roster.cursor == nil)
        let nothing = ui.handle(.altKey(.enter), state: state, now: Fixture.noon)
        #expect(nothing.count == 1)
    }

    @Test func cursorStartsAtTheActiveWindowAndEscapePutsItAway() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        _ = ui.handle(.altKey(.down), state: state, now: Fixture.noon)
        #expect(ui.roster.cursor == .contact(Fixture.carol, group: nil))
        _ = ui.handle(.altKey(.down), state: state, now: Fixture.noon)
        #expect(ui.roster.cursor == .contact(Fixture.carol, group: nil))
        _ = ui.handle(.altKey(.up), state: state, now: Fixture.noon)
        #expect(ui.roster.cursor == .contact(Fixture.bob, group: nil))
        #expect(ui.handle(.escape, state: state, now: Fixture.noon).isEmpty)
        #expect(ui.roster.cursor == nil)
        // Up/Down without Alt still belong to the input history.
        _ = ui.handle(.down, state: state, now: Fixture.noon)
        #expect(ui.roster.cursor == nil)
    }

    @Test func cursorIsHighlightedApartFromTheActiveEntry() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        _ = ui.handle(.altKey(.down), state: state, now: Fixture.noon)
        let roster = model.render(state: state, ui: &ui, now: Fixture.noon).pane(.roster)!
        #expect(roster.rows[1].text.hasPrefix("● Bob"))
        #expect(roster.rows[1].runs.dropLast().allSatisfy { $0.role == .rosterSelected })
        #expect(roster.rows[2].text.hasPrefix("▸ Carol"))
        #expect(roster.rows[2].runs.dropLast().allSatisfy { $0.role == .rosterCursor })
    }

    @Test func parserTurnsRosterIntoAFilterAction() {
        let parser = CommandParser()
        #expect(parser.parse("/roster ann lee", state: Fixture.state()) == [.filterRoster("ann lee")])
        #expect(parser.parse("/roster", state: Fixture.state()) == [.filterRoster("")])
    }
}
