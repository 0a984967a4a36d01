import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerThreadTests {
    static let roster = SourceKey(account: .default, protocolKind: .roster)
    let carol = JID("carol@natter.test")!

    /// Realtime carries chat; the Roster adapter beside it carries threads, as on a natterd account.
    func harness() -> ReducerHarness {
        var harness = ReducerHarness()
        harness.event(.session(.attached([.subscriptions, .threads])), from: Self.roster)
        harness.event(.session(.authenticated(JID("alice@natter.test/im")!)), from: Self.roster)
        return harness
    }

    @Test func anInviteFromAOneToOneWindowNamesItsPeer() {
        var harness = harness()
        harness.intent(.openConversation(.direct(harness.bob)))
        let effects = harness.intent(
            .threads(.invite(carol, text: "join us", from: .direct(harness.bob), account: .default)))
        #expect(
            effects == [
                .adapter(Self.roster, .threads(.invite(carol, text: "join us", thread: nil, peer: harness.bob)))
            ])
        let fromConsole = harness.intent(.threads(.invite(carol, text: "", from: nil, account: .default)))
        #expect(fromConsole == [.adapter(Self.roster, .threads(.invite(carol, text: "", thread: nil, peer: nil)))])
    }

    @Test func aStartedThreadOpensItsWindowAndAsksForHistory() throws {
        var harness = harness()
        let effects = harness.event(.threads(.started("m:4")), from: Self.roster)
        let id = ConversationID.thread("m:4")
        #expect(harness.state.activeWindow == .conversation(id))
        #expect(effects.contains(.adapter(Self.roster, .chat(.fetchHistory(id, before: nil, limit: 50)))))
        let sent = harness.intent(.send(text: "hello all", to: id))
        #expect(ReducerHarness.commands(sent).isEmpty)
        #expect(
            sent.contains {
                if case .adapter(Self.roster, .chat(.send(_, id, "hello all"))) = $0 { true } else { false }
            })
    }

    @Test func typingInAThreadGoesToTheAdapterThatCarriesThreads() {
        var harness = harness()
        harness.event(.threads(.started("m:6")), from: Self.roster)
        let id = ConversationID.thread("m:6")
        #expect(harness.intent(.composing(id, true)) == [.adapter(Self.roster, .chat(.typing(id, composing: true)))])
    }

    @Test func anInvitationIsPromptedAndClearedByJoining() {
        var harness = harness()
        let invitation = ThreadInvitation(thread: "m:9", from: harness.bob, text: "plans")
        harness.event(.threads(.invited(invitation)), from: Self.roster)
        let id = ConversationID.thread("m:9")
        #expect(harness.state.threadInvitations[id] == invitation)
        let prompt = harness.state.statusNotice?.text ?? ""
        #expect(prompt.contains("invites you to thread m:9: plans") && prompt.contains("/join m:9"))
        #expect(harness.state.console.last?.text == prompt)
        let effects = harness.intent(.threads(.join(id)))
        #expect(effects == [.adapter(Self.roster, .threads(.join("m:9")))])
        #expect(harness.state.threadInvitations.isEmpty)
    }

    @Test func enteringAndLeavingAreShownInTheWindow() throws {
        var harness = harness()
        harness.event(.threads(.started("m:2")), from: Self.roster)
        let id = ConversationID.thread("m:2")
        harness.event(.threads(.entered(thread: "m:2", harness.bob)), from: Self.roster)
        harness.event(.threads(.entered(thread: "m:2", harness.bob)), from: Self.roster)
        harness.event(.threads(.left(thread: "m:2", harness.bob)), from: Self.roster)
        let lines = try #require(harness.state.conversations[id]).messages.map(\.text)
        #expect(lines == ["/me entered the thread", "/me left the thread"])
        #expect(harness.state.conversations[id]?.occupants.contains(harness.bob) == false)
    }

    @Test func beingPutIntoAThreadOpensItWithoutTakingFocus() {
        var harness = harness()
        harness.intent(.openConversation(.direct(harness.bob)))
        harness.event(.threads(.entered(thread: "m:3", JID("alice@natter.test")!)), from: Self.roster)
        #expect(harness.state.windows.contains(.conversation(.thread("m:3"))))
        #expect(harness.state.activeWindow == .conversation(.direct(harness.bob)))
    }

    @Test func closingAThreadWindowLeavesTheThread() {
        var harness = harness()
        harness.event(.threads(.started("m:5")), from: Self.roster)
        let id = ConversationID.thread("m:5")
        let effects = harness.intent(.closeWindow(.conversation(id)))
        #expect(effects == [.adapter(Self.roster, .threads(.leave("m:5")))])
        #expect(!harness.state.windows.contains(.conversation(id)))
        let direct = harness.intent(.closeWindow(.conversation(.direct(harness.bob))))
        #expect(direct.isEmpty)
    }
}
