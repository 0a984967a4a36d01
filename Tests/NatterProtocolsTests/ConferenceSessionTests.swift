import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// The conference session against recorded CWA answers and events: no sockets.
@Suite struct ConferenceSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let alice = JID("alice@natter.test")!
    let carol = JID("carol@natter.test")!

    /// Logged on and with an event session open.
    func signedIn() throws -> ConferenceSession {
        var session = ConferenceSession(domain: "natter.test")
        let logon = session.logon(user: "alice", password: "secret")
        #expect(logon.requests == [.logon(rid: "1", user: "sip:alice@natter.test", password: "secret")])
        #expect(!logon.isNamespaced)
        session.follow(ticket: "t1")
        try session.loggedOn(CWAResponses(responses: [.requestAccepted(.init(rid: "1", uri: "sip:alice@natter.test"))]))
        #expect(session.initiateSession().isNamespaced)
        let events = try session.sessionStarted(
            CWAResponses(
                responses: [
                    .requestAccepted(.init(rid: "2", sid: "s9", uri: "sip:alice@natter.test", pollWaitTime: 1500))
                ]))
        #expect(events == [.session(.authenticated(alice)), .session(.synchronized)])
        #expect(session.pollWait == .milliseconds(1500))
        return session
    }

    @Test func aRefusedLogonCannotBeFixedByRetrying() throws {
        var session = ConferenceSession(domain: "natter.test")
        _ = session.logon(user: "alice", password: "wrong")
        let refusal = CWAResponses(
            responses: [.error(CWAError(rid: "1", code: "authenticationFailed", reason: "invalid password"))])
        #expect(throws: ConferenceAdapterError.authFailed("invalid password")) { try session.loggedOn(refusal) }
        #expect(!ConferenceAdapterError.authFailed("x").retryingCanHelp)
        #expect(ConferenceAdapterError.sessionLost("x").retryingCanHelp)
    }

    @Test func nothingIsSentBeforeTheSessionIsOpen() {
        var session = ConferenceSession(domain: "natter.test")
        #expect(session.outgoing(.conferences(.accept("1"))) == nil)
    }

    @Test func startingSendsTheCorrectSpellingWithOurFormatAndOpensTheWindowOnAcceptance() throws {
        var session = try signedIn()
        let outgoing = session.outgoing(
            .conferences(.start(subject: "Plans", with: [carol], message: "We need to talk!")))
        let document = try #require(outgoing)
        #expect(document.sid == "s9")
        guard case .conference(let request) = document.requests.first else {
            Issue.record("expected a conference request, got \(document.requests)")
            return
        }
        #expect(request.confId == "0")
        #expect(
            request.action
                == .initiateImSession(
                    uris: ["sip:carol@natter.test"],
                    message: CWAMessage(content: "We need to talk!", imFormat: .natterDefault), subject: "Plans"))
        let bytes = String(decoding: try document.serialized(), as: UTF8.self)
        #expect(bytes.contains("<initiateImSession>"))
        #expect(bytes.contains("X-MMS-IM-Format: FN=Segoe%20UI; EF=; CO=000000; CS=0; PF=22"))
        let events = session.answered(
            CWAResponses(
                responses: [
                    .requestAccepted(.init(rid: request.rid, imSessionAccepted: .init(rid: request.rid, confId: "4")))
                ]),
            now: now)
        #expect(events.first == .conferences(.started(id: "4", subject: "Plans", participants: [alice])))
        guard case .chat(.received(let opening)) = events.last else {
            Issue.record("expected the opening message, got \(events)")
            return
        }
        #expect(opening.text == "We need to talk!")
        #expect(opening.isOutgoing)
        #expect(opening.conversation == .conference("4"))
    }

    @Test func sendsAreAckedOrFailedByTheirRid() throws {
        var session = try signedIn()
        let sendDocument = session.outgoing(.chat(.send(localID: "m1", to: .conference("4"), text: "hi")))
        let send = try #require(sendDocument)
        let failingDocument = session.outgoing(.chat(.send(localID: "m2", to: .conference("4"), text: "hi again")))
        let failing = try #require(failingDocument)
        let answer = CWAResponses(
            responses: [
                .requestAccepted(.init(rid: try #require(send.requests.first?.rid))),
                .error(CWAError(rid: failing.requests.first?.rid, code: "notParticipant", reason: "not in it")),
            ])
        #expect(
            session.answered(answer, now: now) == [
                .chat(.acked(localID: "m1", serverKey: nil, timestamp: nil)),
                .chat(.failed(localID: "m2", reason: "not in it")),
            ])
        // Only conference conversations are this adapter's.
        #expect(session.outgoing(.chat(.send(localID: "m3", to: .direct(carol), text: "x"))) == nil)
    }

    @Test func aLostPostFailsWhatItCarried() throws {
        var session = try signedIn()
        let sendDocument = session.outgoing(.chat(.send(localID: "m1", to: .conference("4"), text: "hi")))
        let send = try #require(sendDocument)
        #expect(
            session.unanswered(send, reason: "connection refused", now: now) == [
                .chat(.failed(localID: "m1", reason: "connection refused"))
            ])
    }

    @Test func eventsBecomeInvitationsConferencesMessagesAndTyping() throws {
        var session = try signedIn()
        let bold = CWAMessage(content: "hello", imFormat: CWAIMFormat(effects: [.bold]))
        let events = CWAEvents(
            sid: "s9", ackId: 7,
            events: [
                .init(
                    confId: "4",
                    kind: .imSessionReceived(
                        sender: "sip:carol@natter.test", participants: ["sip:carol@natter.test"], subject: "Plans",
                        message: CWAMessage(content: "We need to talk!"))),
                .init(confId: "4", kind: .imSessionState(.incoming)),
                .init(confId: "4", kind: .imSessionState(.connected)),
                .init(confId: "4", kind: .composingState(sender: "sip:carol@natter.test", state: .composing)),
                .init(confId: "4", kind: .messageReceived(sender: "sip:carol@natter.test", message: bold)),
                .init(confId: "4", kind: .participant(uri: "sip:dave@natter.test", state: .joined)),
                .init(confId: "4", kind: .imSessionState(.terminated)),
            ])
        let engine = session.events(events, now: now)
        #expect(session.ackId == 7)
        #expect(
            session.pollURL(base: "http://h/cwa/AsyncDataChannel.ashx")
                == "http://h/cwa/AsyncDataChannel.ashx?Sid=s9&AckId=7")
        let id = ConversationID.conference("4")
        #expect(
            engine.first
                == .conferences(
                    .invited(
                        ConferenceInvitation(
                            conference: "4", from: carol, subject: "Plans", message: "We need to talk!",
                            participants: [carol]))))
        #expect(engine.contains(.conferences(.started(id: "4", subject: "Plans", participants: [carol, alice]))))
        #expect(engine.contains(.chat(.typing(id, carol, true))))
        let received = engine.compactMap { event -> Message? in
            if case .chat(.received(let message)) = event { return message }
            return nil
        }
        // The text is what the sender wrote; the effects travel beside it for the front end to draw.
        #expect(received.map(\.text) == ["hello"])
        #expect(received.first?.style == MessageStyle(effects: [.bold]))
        #expect(received.first?.sender == carol)
        #expect(engine.contains(.conferences(.participant(conference: "4", JID("dave@natter.test")!, joined: true))))
        #expect(engine.last == .conferences(.ended("4")))
    }

    @Test func theSendersFormatBecomesTheMessagesStyle() throws {
        let styled = CWAIMFormat(header: "X-MMS-IM-Format: FN=Courier%20New; EF=BIUS; CO=ff0000; CS=0; PF=31")
        #expect(
            styled.messageStyle
                == MessageStyle(
                    effects: [.bold, .italic, .underline, .strikethrough],
                    color: MessageStyle.Color(red: 0, green: 0, blue: 255), font: "Courier New"))
        // Natter's own default and the seed's (black, no effects) ask for nothing: plain text stays plain.
        #expect(CWAIMFormat.natterDefault.messageStyle == nil)
        #expect(CWAIMFormat(header: "X-MMS-IM-Format: FN=Arial; EF=; CO=000000; CS=1; PF=00]").messageStyle == nil)
        // A colour alone is a style; an unreadable one is not.
        #expect(
            CWAIMFormat(header: "X-MMS-IM-Format: CO=ff00").messageStyle?.color == .init(red: 0, green: 255, blue: 0))
        #expect(CWAIMFormat(header: "X-MMS-IM-Format: EF=Q; CO=zz").messageStyle == nil)
    }
}
