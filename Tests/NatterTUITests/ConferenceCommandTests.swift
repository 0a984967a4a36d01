import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// `/conf`, `/accept`, `/decline` and the conference window's commands, and what the window and the status bar
/// show of a conference.
@Suite struct ConferenceCommandTests {
    let parser = CommandParser()
    let conference = ConversationID.conference("4")

    @Test func confStartsWithQuotedOrOneWordSubjectAndAFirstMessage() throws {
        let state = Fixture.state()
        #expect(
            parser.parse(#"/conf bob,Carol "Building plans" We need to talk!"#, state: state) == [
                .dispatch(
                    .conferences(
                        .start(
                            subject: "Building plans", with: [Fixture.bob, Fixture.carol], message: "We need to talk!",
                            account: .default)))
            ])
        #expect(
            parser.parse("/conf bob Plans hi", state: state) == [
                .dispatch(.conferences(.start(subject: "Plans", with: [Fixture.bob], message: "hi", account: .default)))
            ])
        for bad in ["/conf", "/conf bob", #"/conf bob "Plans""#, #"/conf bob "unterminated hi"#] {
            #expect(try Fixture.notice(in: parser.parse(bad, state: state)).level == .error, "\(bad)")
        }
    }

    func invited(_ ids: [String]) -> ClientState {
        var state = Fixture.state()
        for id in ids {
            state.invitations[.conference(id)] = ConferenceInvitation(
                conference: id, from: Fixture.carol, subject: "Plans", message: "hi", participants: [Fixture.carol])
        }
        return state
    }

    @Test func acceptAndDeclineAnswerTheOneWaitingOrTheOneNamed() throws {
        #expect(parser.parse("/accept", state: invited(["4"])) == [.dispatch(.conferences(.accept(conference)))])
        #expect(
            parser.parse("/decline 4", state: invited(["4", "5"])) == [.dispatch(.conferences(.decline(conference)))])
        #expect(try Fixture.notice(in: parser.parse("/accept", state: invited(["4", "5"]))).text.contains("4, 5"))
        #expect(try Fixture.notice(in: parser.parse("/accept", state: invited([]))).level == .error)
    }

    @Test func inviteEjectAndHangupWorkOnlyInAConferenceWindow() throws {
        var state = Fixture.state()
        #expect(try Fixture.notice(in: parser.parse("/eject bob", state: state)).level == .error)
        state.activeWindow = .conversation(conference)
        #expect(
            parser.parse("/confinvite bob", state: state) == [.dispatch(.conferences(.invite(conference, Fixture.bob)))]
        )
        #expect(
            parser.parse("/eject carol", state: state) == [.dispatch(.conferences(.eject(conference, Fixture.carol)))])
        #expect(parser.parse("/hangup", state: state) == [.dispatch(.conferences(.leave(conference)))])
        #expect(parser.parse("hello all", state: state) == [.dispatch(.send(text: "hello all", to: conference))])
    }

    @Test func theWindowShowsSubjectAndParticipantsWithPresenceAndTheBarShowsInvitations() {
        var state = invited(["7"])
        state.conversations[conference] = Conversation(id: conference, title: "Plans")
        state.conversations[conference]?.occupants = [Fixture.bob, Fixture.carol]
        let model = ScreenModel()
        let title = model.conferenceTitle(conference, title: "Plans", state: state)
        #expect(title.hasPrefix("conference: Plans — "))
        #expect(title.contains("Bob"))
        #expect(title.contains("Carol"))
        #expect(model.invitationMarker(state: state)?.contains(#""Plans""#) == true)
        #expect(model.invitationMarker(state: Fixture.state()) == nil)
    }

    @Test func theTitleMarksWhoIsComposing() {
        var state = invited([])
        state.conversations[conference] = Conversation(id: conference, title: "Plans")
        state.conversations[conference]?.occupants = [Fixture.bob, Fixture.carol]
        state.conversations[conference]?.typing = [Fixture.carol]
        let title = ScreenModel().conferenceTitle(conference, title: "Plans", state: state)
        #expect(title.contains("Bob (online)"), "\(title)")
        #expect(title.contains("Carol (away, typing)"), "\(title)")
    }
}
