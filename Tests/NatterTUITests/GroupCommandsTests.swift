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

    /// Names with spaces: quoted, or unquoted where the longest known group name ends the old name.
    @Test func groupNamesWithSpacesAreRenamedQuotedOrNot() throws {
        var state = state
        state.contacts[Fixture.carol]?.groups = ["Old Friends", "Old"]
        let quoted = parser.parse(#"/group rename "old friends" "Best Friends""#, state: state)
        #expect(quoted == [.dispatch(.groups(.rename(from: "Old Friends", to: "Best Friends", account: .default)))])
        let bare = parser.parse("/group rename Old Friends Best Friends", state: state)
        #expect(bare == [.dispatch(.groups(.rename(from: "Old Friends", to: "Best Friends", account: .default)))])
        let shorter = parser.parse("/group rename Old Timers", state: state)
        #expect(shorter == [.dispatch(.groups(.rename(from: "Old", to: "Timers", account: .default)))])
        let unknown = try Fixture.notice(in: parser.parse("/group rename New Friends Pals", state: state))
        #expect(unknown.level == .error && unknown.text.contains("quote"))
    }

    @Test func quotesGroupArgumentsAndAnUnpairedQuoteIsJustACharacter() {
        #expect(CommandArguments.split(#"  add  "Night Shift"  x "#) == ["add", "Night Shift", "x"])
        #expect(CommandArguments.split(#"add "" Bob's "quote"#) == ["add", "Bob's", #""quote"#])
        #expect(CommandArguments.split("") == [])
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
        var spaced = state
        spaced.contacts[Fixture.carol]?.groups = ["Old Friends"]
        let line = #"/contact move bob "old"#
        #expect(TabCompletion.candidates(for: #""old"#, at: 18, in: line, state: spaced) == [#""Old Friends" "#])
        let after = #"/contact move bob "Old Friends" W"#
        #expect(TabCompletion.candidates(for: "W", at: 32, in: after, state: spaced) == [], "no group starts with W")
        #expect(
            TabCompletion.candidates(for: "F", at: 32, in: #"/contact move bob "Old Friends" F"#, state: spaced)
                == ["Friends "], "the quoted name is one argument")
    }
}
