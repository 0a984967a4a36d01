import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// What the TUI shows and accepts when several accounts are configured.
@Suite struct AccountsViewTests {
    let work = AccountID("work")
    let home = AccountID("home")
    let bobAtWork = JID("bob@a.test")!
    let bobAtHome = JID("bob@b.test")!

    /// `home` online as alice@b.test; `work` reconnecting after "refused"; a chat with bob open on home.
    func state() -> ClientState {
        var state = ClientState(accounts: [
            AccountState(id: work, domain: "a.test"), AccountState(id: home, domain: "b.test"),
        ])
        Fixture.setConnection(
            .reconnecting(attempt: 1, retryAt: Fixture.noon.addingTimeInterval(3.5), reason: "refused"),
            as: JID("alice@a.test/tui")!, account: work, in: &state)
        state.accounts[work]!.lastError = "refused"
        Fixture.setConnection(.online, as: JID("alice@b.test/tui")!, account: home, in: &state)
        for (jid, account) in [(bobAtWork, work), (bobAtHome, home)] {
            var contact = Contact(jid: jid)
            contact.list(
                name: "Bob", groups: [], reference: nil, from: SourceKey(account: account, protocolKind: .realtime))
            state.contacts[jid] = contact
        }
        let chat = ConversationID.direct(bobAtHome, account: home)
        state.conversations[chat] = Conversation(id: chat, title: "Bob")
        state.windows.append(.conversation(chat))
        state.activeWindow = .conversation(chat)
        return state
    }

    func render(_ state: ClientState, columns: Int = 100) -> [String] {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var ui = InterfaceState(rows: 24, columns: columns)
        return model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
    }

    @Test func theStatusBarNamesEachAccountThatIsNotOnline() {
        let status = render(state())[22]
        #expect(status.hasPrefix("[work: reconnecting in 4 s (refused)] [1:console]"), "\(status)")
        #expect(!status.contains("home"))
        var allOnline = state()
        Fixture.setConnection(.online, as: JID("alice@a.test/tui")!, account: work, in: &allOnline)
        #expect(render(allOnline)[22].hasPrefix("[online] [1:console]"))
    }

    @Test func eachWindowSaysWhichAccountItBelongsTo() {
        #expect(render(state())[0].hasPrefix(" [home] Bob <bob@b.test>"))
    }

    @Test func sameNamesOnTwoAccountsAreTellApartByAddress() {
        let roster = render(state()).prefix(6).joined(separator: "\n")
        #expect(roster.contains("Bob <bob@a.test>"))
        #expect(roster.contains("Bob <bob@b.test>"))
    }

    @Test func roomsOfTheSameNameOnTwoAccountsAreToldApartByAccount() {
        var state = state()
        for (account, domain) in [(work, "a.test"), (home, "b.test")] {
            let room = JID("lounge@\(domain)")!
            state.rooms[.room(room, account: account)] = RoomInfo(jid: room, name: "Lounge")
        }
        state.revision += 1
        let roster = render(state).prefix(8).joined(separator: "\n")
        #expect(roster.contains("Lounge [work]"), "\(roster)")
        #expect(roster.contains("Lounge [home]"), "\(roster)")
    }

    @Test func accountsListsProtocolsStateAndLastError() {
        let lines = CommandParser().parse("/accounts", state: state()).compactMap { action -> String? in
            if case .dispatch(.notice(let notice)) = action { notice.text } else { nil }
        }
        #expect(
            lines == [
                "home (realtime) as alice@b.test: online",
                "work (realtime) as alice@a.test: reconnecting (attempt 1) — last error: refused",
            ])
    }

    @Test func accountsSaysWhichConfiguredProtocolsNoAdapterCarries() {
        var state = ClientState(accounts: [AccountState(id: work, protocols: ProtocolKind.allCases, domain: "a.test")])
        Fixture.setConnection(.online, as: JID("alice@a.test/tui")!, account: work, in: &state)
        let line = CommandParser.describe(state.accounts[work]!)
        #expect(
            line == "work (realtime; not carried: contactstore, roster, channels, conference) as alice@a.test: online")
    }

    @Test func connectAndDisconnectNameAnAccount() throws {
        let parser = CommandParser()
        #expect(parser.parse("/connect work", state: state()) == [.dispatch(.accounts(.connect(work)))])
        #expect(parser.parse("/disconnect home", state: state()) == [.dispatch(.accounts(.disconnect(home)))])
        let usage = try Fixture.notice(in: parser.parse("/connect", state: state()))
        #expect(usage.text == "usage: /connect NAME (one of: home, work)")
        #expect(parser.parse("/connect", state: Fixture.state()) == [.dispatch(.accounts(.connect(.default)))])
    }

    @Test func msgToAContactOpensTheChatOnTheirAccount() {
        var state = state()
        state.activeWindow = .console
        let actions = CommandParser().parse("/msg bob@a.test hi", state: state)
        #expect(actions.first == .dispatch(.openConversation(.direct(bobAtWork, account: work))))
    }
}
