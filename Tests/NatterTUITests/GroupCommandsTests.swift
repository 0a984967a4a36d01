import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite("TUI: /group and /contact commands, Tab completion of group names")
struct GroupCommandsTests {
    private let parser = CommandParser()

    /// Bob in Friends and Team, Carol in Team.
    private var state: ClientState {
        var state = Fixture.state()
        state.contacts[Fixture.bob]?.groups = ["Friends", "Team"]
        state.contacts[Fixture.carol]?.groups = ["Team"]
        return state
    }

    @Test func groupCommandsBecomeGroupIntents() throws {
        #expect(
            parser.parse("/group add Night Shift", state: state) == [
                .dispatch(.groups(.create("Night Shift", account: .default)))
            ])
        #expect(
            parser.parse("/group rename friends Pals", state: state)
                == [.dispatch(.groups(.rename(from: "Friends", to: "Pals", account: .default)))])
        #expect(
            parser.parse("/group dg team", state: state)
                == [.dispatch(.groups(.addDistribution(address: "team@natter.test", name: "team", account: .default)))])
        #expect(try Fixture.notice(in: parser.parse("/group rename Nope X", state: state)).text.contains("no group"))
        #expect(try Fixture.notice(in: parser.parse("/group frobnicate", state: state)).text.hasPrefix("usage"))
    }

    @Test func removalsAskForConfirmationFirst() throws {
        let asked = try Fixture.notice(in: parser.parse("/group remove team", state: state))
        #expect(asked.level == .warning && asked.text.contains("Carol") && asked.text.contains("--yes"))
        #expect(!asked.text.contains("Bob"), "Bob is in another group too and stays")
        #expect(
            parser.parse("/group remove team --yes", state: state) == [
                .dispatch(.groups(.delete("Team", account: .default)))
            ])
        #expect(try Fixture.notice(in: parser.parse("/contact remove bob", state: state)).level == .warning)
        #expect(
            parser.parse("/contact remove bob --yes", state: state)
                == [.dispatch(.roster(.remove(Fixture.bob, account: .default)))])
    }

    @Test func contactCommandsAssignGroups() throws {
        let pat = try #require(JID("pat@example.org"))
        #expect(
            parser.parse("/contact add pat@example.org friends Pat Peer", state: state)
                == [.dispatch(.roster(.add(pat, name: "Pat Peer", groups: ["Friends"], account: .default)))])
        #expect(
            parser.parse("/contact group carol Friends", state: state)
                == [.dispatch(.groups(.assign(Fixture.carol, groups: ["Team", "Friends"], account: .default)))])
        #expect(
            parser.parse("/contact ungroup bob team", state: state)
                == [.dispatch(.groups(.assign(Fixture.bob, groups: ["Friends"], account: .default)))])
        #expect(
            parser.parse("/contact move bob Team Work", state: state)
                == [.dispatch(.groups(.assign(Fixture.bob, groups: ["Friends", "Work"], account: .default)))])
        #expect(try Fixture.notice(in: parser.parse("/contact ungroup carol Friends", state: state)).level == .error)
    }

    @Test func tabCompletesGroupNamesWhereACommandTakesOne() {
        #expect(TabCompletion.candidates(for: "t", at: 16, in: "/contact move bob t", state: state) == ["Team "])
        #expect(TabCompletion.candidates(for: "F", at: 14, in: "/group remove F", state: state) == ["Friends "])
        #expect(
            TabCompletion.candidates(for: "b", at: 14, in: "/contact move b", state: state) == ["Bob "],
            "the contact's place takes contacts")
        #expect(TabCompletion.candidates(for: "/gr", at: 0, in: "/gr", state: state) == ["/group "])
    }
}
