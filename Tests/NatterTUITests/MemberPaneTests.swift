import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// The member (nick) list of room windows, status lines for joins, parts and presence, and `/who` answering in
/// the room.
@Suite struct MemberPaneTests {
    let id = ConversationID.channel("c1")
    let longName = JID("a-very-long-member-name-indeed@natter.test")!

    /// Alice administers channel #Ops with bob (online) and a member with a long name (offline).
    func channelState() -> ClientState {
        var state = Fixture.state()
        state.channels[id] = Channel(
            id: "c1", name: "Ops",
            members: [
                Member(jid: longName, presence: .unavailable), Member(jid: Fixture.bob, presence: .away),
                Member(jid: Fixture.alice, role: .admin, presence: .available),
            ])
        state.conversations[id] = Conversation(id: id, title: "#Ops")
        state.windows.append(.conversation(id))
        state.activeWindow = .conversation(id)
        return state
    }

    func render(_ state: ClientState, columns: Int = 100, ui: InterfaceState? = nil) -> ScreenFrame {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var interface = ui ?? InterfaceState(rows: 12, columns: columns)
        interface.columns = columns
        return model.render(state: state, ui: &interface, now: Fixture.noon)
    }

    @Test func listsAdministratorsFirstWithPresenceAndCutsLongNames() throws {
        let frame = render(channelState())
        let pane = try #require(frame.pane(.members))
        #expect(pane.left + pane.width == 100)
        let rows = pane.rows.map(\.text)
        #expect(rows[0].hasPrefix("│ 2/3 here"))
        #expect(rows[1].hasPrefix("│●@alice"))
        #expect(rows[2].hasPrefix("│◐ Bob"))
        #expect(rows[3].hasPrefix("│○ a-very-long") && rows[3].hasSuffix("…"), "a long name is cut with …: \(rows[3])")
        for row in pane.rows { #expect(row.width == pane.width) }
        let chat = try #require(frame.pane(.chat))
        #expect(chat.left + chat.width == pane.left, "the chat gives up exactly the pane's columns")
    }

    @Test func hiddenWhenToggledNarrowOrNotARoom() {
        var ui = InterfaceState(rows: 12, columns: 100)
        #expect(render(channelState(), ui: ui).pane(.members) != nil)
        #expect(ui.handle(.alt("m"), state: channelState(), now: Fixture.noon).isEmpty)
        #expect(render(channelState(), ui: ui).pane(.members) == nil, "Alt+m hides it")
        #expect(render(channelState(), columns: 70).pane(.members) == nil, "the chat keeps 40 columns")
        #expect(render(Fixture.withChat([])).pane(.members) == nil, "a 1:1 chat has no member list")
        #expect(CommandParser().parse("/nicklist off", state: channelState()) == [.showMembers(false)])
        #expect(CommandParser().parse("/nicklist", state: channelState()) == [.showMembers(nil)])
    }

    @Test func statusLinesInterleaveWithMessagesAndCanBeHidden() {
        var state = channelState()
        state.conversations[id]!.messages = [
            Message(
                id: "m-1", conversation: id, sender: Fixture.bob, text: "before", timestamp: Fixture.noon,
                isOutgoing: false),
            Message(
                id: "m-2", conversation: id, sender: Fixture.bob, text: "after", timestamp: Fixture.noon + 120,
                isOutgoing: false),
        ]
        state.roomStatus[id] = [Notice(.info, "Carol joined", timestamp: Fixture.noon + 60)]
        let screen = render(state).snapshot()
        let before = screen.firstIndex { $0.contains("before") }
        let joined = screen.firstIndex { $0.contains("-- Carol joined") }
        let after = screen.firstIndex { $0.contains("after") }
        #expect(before != nil && joined != nil && after != nil)
        #expect(before! < joined! && joined! < after!)

        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        model.showsRoomStatus = false
        var ui = InterfaceState(rows: 12, columns: 100)
        let hidden = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(!hidden.contains { $0.contains("Carol joined") })
    }

    @Test func whoInARoomAnswersInTheRoom() {
        let actions = CommandParser().parse("/who", state: channelState())
        let notes = actions.compactMap { action -> String? in
            if case .dispatch(.windows(.note(id, let notice))) = action { return notice.text }
            return nil
        }
        #expect(notes.count == actions.count, "everything goes to the room: \(actions)")
        #expect(notes.first == " @alice <alice@natter.test> online")
        #expect(notes.last == "#Ops: 3 here: alice, Bob, a-very-long-member-name-indeed")
    }
}
