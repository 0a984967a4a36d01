import Foundation
import NatterEngine
import NatterModel
import Testing

/// Conferences in the engine: invitations wait to be answered, the conference adapter gets its commands, and
/// typing and messages in a conference go to the adapter that owns it.
@Suite struct ReducerConferenceTests {
    static let conference = SourceKey(account: .default, protocolKind: .conference)
    let carol = JID("carol@natter.test")!

    func harness() -> ReducerHarness {
        var harness = ReducerHarness()
        harness.event(.session(.attached([.conferences, .typing])), from: Self.conference)
        harness.event(.session(.authenticated(JID("alice@natter.test")!)), from: Self.conference)
        return harness
    }

    func commands(_ effects: [Effect]) -> [AdapterCommand] {
        effects.compactMap { if case .adapter(Self.conference, let command) = $0 { command } else { nil } }
    }

    var invitation: ConferenceInvitation {
        ConferenceInvitation(
            conference: "4", from: carol, subject: "Plans", message: "We need to talk!", participants: [carol])
    }

    @Test func startingGoesToTheConferenceAdapter() {
        var harness = harness()
        let effects = harness.intent(
            .conferences(.start(subject: "Plans", with: [carol], message: "hi", account: .default)))
        #expect(commands(effects) == [.conferences(.start(subject: "Plans", with: [carol], message: "hi"))])
    }

    @Test func anInvitationWaitsInTheStateAndIsAnnounced() {
        var harness = harness()
        harness.event(.conferences(.invited(invitation)), from: Self.conference)
        let id = ConversationID.conference("4")
        #expect(harness.state.invitations[id] == invitation)
        let notice = harness.state.statusNotice?.text ?? ""
        #expect(notice.contains("carol@natter.test invites you"))
        #expect(notice.contains("\"Plans\": We need to talk!"))
        #expect(harness.state.console.last?.text == notice)
    }

    @Test func acceptingAndDecliningAnswerTheInvitationOnce() {
        var harness = harness()
        let id = ConversationID.conference("4")
        harness.event(.conferences(.invited(invitation)), from: Self.conference)
        #expect(commands(harness.intent(.conferences(.accept(id)))) == [.conferences(.accept("4"))])
        #expect(harness.state.invitations.isEmpty)
        // Answered already: a second answer is refused here, not sent.
        #expect(commands(harness.intent(.conferences(.decline(id)))).isEmpty)
        #expect(harness.state.statusNotice?.level == .error)
        harness.event(.conferences(.invited(invitation)), from: Self.conference)
        #expect(commands(harness.intent(.conferences(.decline(id)))) == [.conferences(.decline("4"))])
    }

    @Test func aWithdrawnInvitationDisappears() {
        var harness = harness()
        harness.event(.conferences(.invited(invitation)), from: Self.conference)
        harness.event(.conferences(.ended("4")), from: Self.conference)
        #expect(harness.state.invitations.isEmpty)
        #expect(harness.state.statusNotice?.text.contains("withdrawn") == true)
    }

    @Test func messagesTypingAndEjectsInAConferenceGoToItsAdapter() {
        var harness = harness()
        let id = ConversationID.conference("4")
        harness.event(.conferences(.started(id: "4", subject: "Plans", participants: [carol])), from: Self.conference)
        #expect(harness.state.conversations[id]?.title == "Plans")
        #expect(harness.state.windows.contains(.conversation(id)))
        #expect(harness.state.activeWindow == .conversation(id))
        let send = harness.intent(.send(text: "hi", to: id))
        #expect(commands(send).count == 1)
        #expect(commands(harness.intent(.composing(id, true))) == [.chat(.typing(id, composing: true))])
        #expect(
            commands(harness.intent(.conferences(.eject(id, carol)))) == [.conferences(.eject(conference: "4", carol))])
        harness.event(.conferences(.participant(conference: "4", carol, joined: false)), from: Self.conference)
        #expect(harness.state.conversations[id]?.occupants.isEmpty == true)
        // Direct chats stay with Realtime.
        let direct = harness.intent(.send(text: "hi", to: .direct(carol)))
        #expect(commands(direct).isEmpty)
        #expect(ReducerHarness.commands(direct).count == 1)
    }
}
