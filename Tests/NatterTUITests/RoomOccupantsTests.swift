import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct RoomOccupantsTests {
    let dave = JID("dave@natter.test")!

    func roomState() -> ClientState {
        var state = Fixture.state()
        let id = ConversationID.room(Fixture.lounge)
        state.rooms[.room(Fixture.lounge)] = RoomInfo(jid: Fixture.lounge, name: "Lounge", joined: true)
        state.conversations[id] = Conversation(
            id: id, title: "Lounge", occupants: [Fixture.carol, dave.with(resource: "x"), Fixture.bob, Fixture.alice])
        state.windows.append(.conversation(id))
        state.activeWindow = .conversation(id)
        return state
    }

    func texts(_ actions: [AppAction]) -> [String] {
        actions.compactMap { if case .dispatch(.notice(let notice)) = $0 { notice.text } else { nil } }
    }

    @Test func titleShowsCountAndNames() {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var ui = InterfaceState(rows: 24, columns: 100)
        let title = model.render(state: roomState(), ui: &ui, now: Fixture.noon).snapshot()[0]
        #expect(title.hasPrefix(" Lounge <lounge@natter.test> — 4 here: Bob, Carol, dave, alice "))
        ui.columns = 50
        let narrow = model.render(state: roomState(), ui: &ui, now: Fixture.noon).snapshot()[0]
        #expect(narrow == " Lounge <lounge@natter.test> — 4 here: Bob, Carol…")
    }

    func notes(_ actions: [AppAction]) -> [String] {
        actions.compactMap { if case .dispatch(.windows(.note(_, let notice))) = $0 { notice.text } else { nil } }
    }

    @Test func whoInTheRoomAnswersThereAndAboutAnotherRoomInTheConsole() {
        let actions = CommandParser().parse("/who", state: roomState())
        #expect(
            notes(actions) == [
                "  alice <alice@natter.test> online", "  Bob <bob@natter.test> online",
                "  Carol <carol@natter.test> away", "  dave <dave@natter.test> online",
                "Lounge: 4 here: Bob, Carol, dave, alice",
            ])
        #expect(texts(actions).isEmpty, "nothing goes to the console")
        var elsewhere = roomState()
        elsewhere.activeWindow = .console
        #expect(
            texts(CommandParser().parse("/who lounge", state: elsewhere)).last
                == "Lounge: 4 here: Bob, Carol, dave, alice"
        )
    }

    @Test func weAreHereOnceJoinedEvenIfTheServerOnlyNamedOthers() {
        var state = roomState()
        state.conversations[.room(Fixture.lounge)]!.occupants = [Fixture.bob]
        #expect(CommandParser.occupantNames(of: .room(Fixture.lounge), state: state) == ["Bob", "alice"])
        state.rooms[.room(Fixture.lounge)]!.joined = false
        #expect(CommandParser.occupantNames(of: .room(Fixture.lounge), state: state) == ["Bob"])
    }

    @Test func whoOutsideARoomExplains() {
        let outside = texts(CommandParser().parse("/who", state: Fixture.withChat([])))
        #expect(outside.count == 1 && outside[0].hasPrefix("/who: this window is not a room"))
        var state = roomState()
        state.rooms[.room(Fixture.lounge)]!.joined = false
        state.conversations[.room(Fixture.lounge)]!.occupants = []
        #expect(texts(CommandParser().parse("/who", state: state)) == ["/who: not in Lounge; /join lounge first"])
    }
}
