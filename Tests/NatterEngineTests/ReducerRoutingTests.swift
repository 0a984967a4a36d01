import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerRoutingTests {
    let work = AccountID("work")
    let home = AccountID("home")
    let bob = JID("bob@a.test")!

    func harness() -> ReducerHarness {
        var harness = ReducerHarness(
            online: false,
            accounts: [AccountState(id: work, domain: "a.test"), AccountState(id: home, domain: "b.test")])
        harness.event(.session(.authenticated(JID("alice@a.test/tui")!)), from: key(work, .realtime))
        harness.event(.session(.authenticated(JID("alice@b.test/tui")!)), from: key(home, .realtime))
        return harness
    }

    func key(_ account: AccountID, _ protocolKind: ProtocolKind) -> SourceKey {
        SourceKey(account: account, protocolKind: protocolKind)
    }

    func targets(_ effects: [Effect]) -> [SourceKey] {
        effects.compactMap { if case .adapter(let key, _) = $0 { key } else { nil } }
    }

    @Test func aCommandGoesToExactlyOneAdapterOfItsAccount() {
        var harness = harness()
        // A second adapter on `work` that can also chat (Roster's fallback); Realtime comes first in the table.
        harness.event(.session(.attached([.chat, .presence, .roster, .threads])), from: key(work, .roster))
        harness.event(.session(.authenticated(JID("alice@a.test/im")!)), from: key(work, .roster))
        let effects = harness.intent(.send(text: "hi", to: .direct(bob, account: work)))
        #expect(targets(effects) == [key(work, .realtime)])
        let edit = harness.intent(.roster(.rename(bob, name: "Bobby", account: work)))
        #expect(targets(edit) == [key(work, .roster)])
    }

    @Test func theAdapterThatOwnsAConversationKeepsIt() {
        var harness = harness()
        harness.event(.session(.attached([.chat, .presence, .roster, .threads])), from: key(work, .roster))
        harness.event(.session(.authenticated(JID("alice@a.test/im")!)), from: key(work, .roster))
        let message = Message(
            id: "k1", serverKey: "k1", conversation: .direct(bob), sender: bob, text: "via the roster door",
            timestamp: harness.now, isOutgoing: false)
        harness.event(.chat(.received(message)), from: key(work, .roster))
        let reply = harness.intent(.send(text: "back the same way", to: .direct(bob, account: work)))
        #expect(targets(reply) == [key(work, .roster)])
    }

    @Test func presenceForEveryAccountIsOneCommandPerAccount() {
        var harness = harness()
        let effects = harness.intent(.setPresence(.away, status: "lunch"))
        #expect(Set(targets(effects)) == [key(work, .realtime), key(home, .realtime)])
        #expect(targets(effects).count == 2)
        #expect(harness.state.accounts[work]?.statusText == "lunch")
    }

    @Test func whatNoAdapterCanDoIsExplained() {
        var harness = harness()
        let effects = harness.intent(.conferences(.start(subject: "plans", with: [bob], message: "hi", account: home)))
        #expect(effects.isEmpty)
        #expect(harness.state.statusNotice?.level == .error)
        #expect(
            harness.state.statusNotice?.text
                == "home cannot do conferences: that needs conference, which it does not use")
        let unknown = harness.intent(.send(text: "x", to: .direct(bob, account: AccountID("nowhere"))))
        #expect(unknown.isEmpty)
        #expect(harness.state.statusNotice?.text == "message not sent: there is no account named nowhere")
    }

    @Test func aReconnectRejoinsAndResendsOnlyItsOwnAccount() {
        var harness = harness()
        let lounge = JID("lounge@a.test")!
        harness.intent(.joinRoom(lounge, account: work))
        harness.intent(.joinRoom(JID("den@b.test")!, account: home))
        let retry = harness.now.addingTimeInterval(3)
        for account in [work, home] {
            harness.event(
                .session(.connection(.reconnecting(attempt: 1, retryAt: retry, reason: "x"))),
                from: key(account, .realtime))
        }
        harness.intent(.send(text: "w", to: .direct(bob, account: work)))
        harness.intent(.send(text: "h", to: .direct(JID("carol@b.test")!, account: home)))
        let effects = harness.event(.session(.authenticated(JID("alice@a.test/tui")!)), from: key(work, .realtime))
        #expect(Set(targets(effects)) == [key(work, .realtime)])
        let commands = effects.compactMap { if case .adapter(_, let command) = $0 { command } else { nil } }
        #expect(commands.contains(.rooms(.join(lounge))))
        #expect(!commands.contains(.rooms(.join(JID("den@b.test")!))))
        #expect(commands.filter { if case .chat(.send) = $0 { true } else { false } }.count == 1)
    }

    @Test func rostersFromTwoAccountsMergeWithoutWipingEachOther() {
        var harness = harness()
        let shared = JID("dana@c.test")!
        harness.event(
            .roster(
                .loaded([
                    Contact(jid: shared, displayName: "Dana", groups: ["Work"]), Contact(jid: bob, displayName: "Bob"),
                ])),
            from: key(work, .realtime))
        harness.event(
            .roster(.loaded([Contact(jid: shared, displayName: "Dana", groups: ["Family"])])),
            from: key(home, .realtime))
        harness.event(.presence(.changed(shared, .available, status: nil, since: nil)), from: key(home, .realtime))
        #expect(harness.state.contacts[shared]?.groups == ["Family", "Work"])
        #expect(harness.state.contacts[shared]?.accounts == [home, work])
        #expect(harness.state.contacts[shared]?.presence == .available)
        #expect(harness.state.contactGroups.map(\.name) == ["Family", "Work"])
        // A later roster from home drops dana there only; work's entry, and bob, stay.
        harness.event(.roster(.loaded([])), from: key(home, .realtime))
        #expect(harness.state.contacts[shared]?.groups == ["Work"])
        #expect(harness.state.contacts[bob] != nil)
        #expect(harness.state.directConversation(with: shared) == .direct(shared, account: work))
    }

    @Test func channelsKeepMembersAndRoles() {
        var harness = harness()
        harness.event(.session(.attached([.channels])), from: key(work, .channels))
        harness.event(.session(.authenticated(JID("alice@a.test/ch")!)), from: key(work, .channels))
        let general = Channel(
            id: "general", name: "General", members: [Member(jid: JID("alice@a.test")!, role: .member)])
        harness.event(.channels(.listed([general])), from: key(work, .channels))
        let id = ConversationID.channel("general", account: work)
        #expect(harness.state.channels[id]?.name == "General")
        let refused = harness.intent(.channels(.setRole(id, member: bob, role: .admin)))
        #expect(refused.isEmpty)
        #expect(harness.state.statusNotice?.text == "only administrators of #General can change roles")
        harness.event(
            .channels(.member(channel: "general", Member(jid: JID("alice@a.test")!, role: .admin))),
            from: key(work, .channels))
        let allowed = harness.intent(.channels(.setRole(id, member: bob, role: .admin)))
        #expect(
            allowed == [
                .adapter(key(work, .channels), .channels(.setRole(channel: "general", member: bob, role: .admin)))
            ])
    }

    /// Right after a create the channel is known by name only; the engine must not refuse on a role it has not
    /// seen yet, or an invite typed at once is lost.
    @Test func aChannelWhoseMembersAreNotKnownYetLeavesTheRoleToTheServer() {
        var harness = harness()
        harness.event(.session(.attached([.channels])), from: key(work, .channels))
        harness.event(.session(.authenticated(JID("alice@a.test/ch")!)), from: key(work, .channels))
        harness.event(.channels(.listed([Channel(id: "ops", name: "Ops")])), from: key(work, .channels))
        let id = ConversationID.channel("ops", account: work)
        let sent = harness.intent(.channels(.invite(id, member: bob, admin: false)))
        #expect(sent == [.adapter(key(work, .channels), .channels(.invite(channel: "ops", member: bob, admin: false)))])
        #expect(harness.state.statusNotice?.level != .error)
    }

    /// `/create`: the channel the server made for us opens in a window of its own, named once it is listed.
    @Test func aChannelWeCreatedOpensItsWindow() {
        var harness = harness()
        harness.event(.session(.attached([.channels])), from: key(work, .channels))
        harness.event(.session(.authenticated(JID("alice@a.test/ch")!)), from: key(work, .channels))
        harness.event(.channels(.entered("ops")), from: key(work, .channels))
        harness.event(.channels(.listed([Channel(id: "ops", name: "Ops")])), from: key(work, .channels))
        let id = ConversationID.channel("ops", account: work)
        #expect(harness.state.activeWindow == .conversation(id))
        #expect(harness.state.title(of: .conversation(id)) == "#Ops")
    }

    @Test func theReducerTakesItsTimeFromItsInputs() {
        var harness = harness()
        harness.now = Date(timeIntervalSince1970: 42)
        harness.intent(.send(text: "x", to: .channel("nope", account: work)))
        harness.event(.session(.connection(.offline(reason: "bye"))), from: key(home, .realtime))
        #expect(
            harness.state.console.suffix(2).map(\.timestamp) == [
                Date(timeIntervalSince1970: 42), Date(timeIntervalSince1970: 42),
            ])
    }
}
