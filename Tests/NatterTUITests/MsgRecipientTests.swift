import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct MsgRecipientTests {
    let parser = CommandParser()
    let bobMartin = JID("bmartin@natter.test")!
    let bobby = JID("bobby@natter.test")!

    /// Bob (bob@), Carol, "Bob Martin" (bmartin@) and a second "Bob" (bobby@).
    func state() -> ClientState {
        var state = Fixture.state()
        state.contacts[bobMartin] = Contact(jid: bobMartin, displayName: "Bob  Martin")
        state.contacts[bobby] = Contact(jid: bobby, displayName: "Bob")
        return state
    }

    func open(_ jid: JID, saying text: String? = nil) -> [AppAction] {
        [.dispatch(.openConversation(.direct(jid)))]
            + (text.map { [.dispatch(.send(text: $0, to: .direct(jid)))] } ?? [])
    }

    @Test func multiWordDisplayNameIsResolved() {
        #expect(parser.parse("/msg Bob Martin", state: state()) == open(bobMartin))
        #expect(
            parser.parse("/msg bob martin are you there?", state: state()) == open(bobMartin, saying: "are you there?"))
        #expect(parser.parse("/msg \"Bob Martin\" hi", state: state()) == open(bobMartin, saying: "hi"))
    }

    @Test func demoStyleContactIsFoundByItsFullName() {
        // As in the demo: bob@ is displayed "Bob Martin"; the old parser sent "Martin" to bob.
        var state = Fixture.state()
        state.contacts[Fixture.bob]!.displayName = "Bob Martin"
        #expect(parser.parse("/msg Bob Martin", state: state) == open(Fixture.bob))
        #expect(parser.parse("/msg Bob Martin hi", state: state) == open(Fixture.bob, saying: "hi"))
        #expect(parser.parse("/msg bob hi", state: state) == open(Fixture.bob, saying: "hi"))
    }

    @Test func localPartStillWinsForTheFirstWord() {
        // bob@ is on the roster, so "bob" is that contact even though two contacts are displayed as "Bob".
        #expect(parser.parse("/msg bob hello there", state: state()) == open(Fixture.bob, saying: "hello there"))
        #expect(
            parser.parse("/msg carol  Martin was here", state: state())
                == open(Fixture.carol, saying: "Martin was here"))
    }

    @Test func ambiguousDisplayNameAsksForTheAddress() throws {
        var state = state()
        state.contacts[Fixture.bob] = nil
        let bob2 = JID("bob2@natter.test")!
        state.contacts[bob2] = Contact(jid: bob2, displayName: "BOB")
        let actions = parser.parse("/msg Bob hi", state: state)
        #expect(actions.count == 1, "expected one error, got \(actions)")
        let notice = try Fixture.notice(in: actions)
        #expect(notice.level == .error)
        #expect(notice.text == "/msg: 2 contacts are called bob (bob2@natter.test, bobby@natter.test); use the address")
    }

    @Test func unknownNamesBecomeAddressesInOurDomain() throws {
        let zed = JID("zed@natter.test")!
        #expect(parser.parse("/msg zed hi there", state: state()) == open(zed, saying: "hi there"))
        #expect(
            parser.parse("/msg bob@elsewhere.test yo", state: state()) == open(JID("bob@elsewhere.test")!, saying: "yo")
        )
        let usage = try Fixture.notice(in: parser.parse("/msg", state: state()))
        #expect(usage.text == "usage: /msg NAME [text]")
    }
}
