import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct ThreadCommandTests {
    let parser = CommandParser()

    func state(activating window: WindowID = .console, invitations: [String] = []) -> ClientState {
        var state = Fixture.state()
        if case .conversation = window {
            state.windows.append(window)
            state.activeWindow = window
        }
        for thread in invitations {
            state.threadInvitations[.thread(thread)] = ThreadInvitation(thread: thread, from: Fixture.bob, text: "")
        }
        return state
    }

    @Test func inviteOutsideAChannelInvitesIntoAThreadFromWhereItIsTyped() {
        #expect(
            parser.parse("/invite carol let's plan", state: state()) == [
                .dispatch(.threads(.invite(Fixture.carol, text: "let's plan", from: nil, account: .default)))
            ])
        let chat = ConversationID.direct(Fixture.bob)
        #expect(
            parser.parse("/invite carol", state: state(activating: .conversation(chat))) == [
                .dispatch(.threads(.invite(Fixture.carol, text: "", from: chat, account: .default)))
            ])
        let thread = ConversationID.thread("m:3")
        #expect(
            parser.parse("/invite carol", state: state(activating: .conversation(thread))) == [
                .dispatch(.threads(.invite(Fixture.carol, text: "", from: thread, account: .default)))
            ])
    }

    @Test func inviteInAChannelStaysTheChannelCommand() throws {
        let channel = ConversationID.channel("c1")
        let actions = parser.parse("/invite carol", state: state(activating: .conversation(channel)))
        // Not an administrator of the channel: the channel command's refusal, not a thread invitation.
        #expect(try Fixture.notice(in: actions).text.contains("only administrators"))
    }

    @Test func joinTakesTheWaitingInvitationOrANamedThreadAndLeavesRoomsAlone() throws {
        #expect(
            parser.parse("/join", state: state(invitations: ["m:4"])) == [.dispatch(.threads(.join(.thread("m:4"))))])
        #expect(
            parser.parse("/join m:5", state: state(invitations: ["m:4", "m:5"]))
                == [.dispatch(.threads(.join(.thread("m:5"))))])
        #expect(
            try Fixture.notice(in: parser.parse("/join", state: state(invitations: ["m:4", "m:5"]))).text.contains(
                "m:4, m:5"))
        #expect(try Fixture.notice(in: parser.parse("/join", state: state())).text.contains("usage: /join ROOM"))
        #expect(
            parser.parse("/join lounge", state: state(invitations: ["m:4"]))
                == [.dispatch(.joinRoom(JID("lounge@natter.test")!, account: .default))])
    }

    @Test func threadsListsInvitationsInTheConsole() throws {
        let actions = parser.parse("/threads", state: state(invitations: ["m:4"]))
        #expect(actions.first == .dispatch(.activate(.console)))
        let texts = actions.compactMap { action -> String? in
            if case .dispatch(.notice(let notice)) = action { notice.text } else { nil }
        }
        #expect(texts.count == 1 && texts[0].hasPrefix("  m:4: invited by ") && texts[0].hasSuffix("(/join m:4)"))
        #expect(try Fixture.notice(in: parser.parse("/threads", state: state())).text.contains("no threads"))
    }
}
