import Foundation
import NatterCodecs
import NatterTransport
import Testing

/// natterd's CWA door against a real natterd process: sign-in, the event long poll, and conferences between
/// several users, driven by hand so each exchange is visible.
@Suite(.serialized) struct ConferenceDoorIntegrationTests {
    static let opening = CWAMessage(content: "We need to talk!", imFormat: .natterDefault)

    private func error(_ response: CWAResponse) throws -> CWAError {
        guard case .error(let error) = response else {
            throw CWATestClient.Failure(description: "accepted: \(response)")
        }
        return error
    }

    private func accepted(_ response: CWAResponse) throws {
        guard case .requestAccepted = response else { throw CWATestClient.Failure(description: "refused: \(response)") }
    }

    @Test func conferenceIDsAreNotReusedAfterARestart() throws {
        let directory = try TestProcess.temporaryDirectory("conference-ids")
        var server = try NatterdProcess(directory: directory, arguments: ["--no-demo-peer"])
        var before: [String] = []
        do {
            let carol = try CWATestClient.signIn(server.url, "carol")
            _ = try CWATestClient.signIn(server.url, "alice")
            before.append(try carol.start(["alice"], subject: "One", text: "first"))
            before.append(try carol.start(["alice"], subject: "Two", text: "second"))
        }
        server.stop()
        server = try NatterdProcess(directory: directory, arguments: ["--no-demo-peer"])
        let carol = try CWATestClient.signIn(server.url, "carol")
        _ = try CWATestClient.signIn(server.url, "alice")
        let after = try carol.start(["alice"], subject: "Three", text: "third")
        #expect(before == ["1", "2"])
        #expect(after == "3", "a restarted natterd must not hand out an id a client may still have cached")
        server.stop()
    }

    @Test func threePartySessionWithInviteEjectAndTerminate() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let carol = try CWATestClient.signIn(server.url, "carol")
        let alice = try CWATestClient.signIn(server.url, "alice")
        let bob = try CWATestClient.signIn(server.url, "bob")
        let dave = try CWATestClient.signIn(server.url, "dave")

        let conf = try carol.start(["alice", "bob"], subject: "Plans", text: "We need to talk!")
        #expect(try carol.events(1) == [.imSessionState(.connecting)])
        let invitation = CWAConferenceEvent.Kind.imSessionReceived(
            sender: carol.uri, participants: [carol.uri], subject: "Plans", message: Self.opening)
        #expect(try alice.events(2) == [invitation, .imSessionState(.incoming)])
        #expect(try bob.events(2) == [invitation, .imSessionState(.incoming)])

        try accepted(try alice.conference(conf, .acceptImSession))
        #expect(try alice.events(2) == [.imSessionState(.connected), .participant(uri: carol.uri, state: .joined)])
        #expect(try carol.events(2) == [.imSessionState(.connected), .participant(uri: alice.uri, state: .joined)])
        try accepted(try bob.conference(conf, .acceptImSession))
        #expect(
            try bob.events(3) == [
                .imSessionState(.connected), .participant(uri: carol.uri, state: .joined),
                .participant(uri: alice.uri, state: .joined),
            ])
        #expect(try carol.events(1) == [.participant(uri: bob.uri, state: .joined)])
        #expect(try alice.events(1) == [.participant(uri: bob.uri, state: .joined)])

        let bold = CWAMessage(content: "hi all", imFormat: CWAIMFormat(font: "Segoe UI", effects: [.bold]))
        try accepted(try alice.conference(conf, .sendMessage(bold)))
        try accepted(try alice.conference(conf, .notifyComposing(.composing)))
        for listener in [carol, bob] {
            #expect(
                try listener.events(2) == [
                    .messageReceived(sender: alice.uri, message: bold),
                    .composingState(sender: alice.uri, state: .composing),
                ])
        }

        try accepted(try carol.conference(conf, .inviteParticipants(uris: [dave.uri])))
        #expect(
            try dave.events(2) == [
                .imSessionReceived(
                    sender: carol.uri, participants: [carol.uri, alice.uri, bob.uri], subject: "Plans",
                    message: Self.opening),
                .imSessionState(.incoming),
            ])
        try accepted(try dave.conference(conf, .acceptImSession))
        #expect(try dave.events(4).first == .imSessionState(.connected))
        for listener in [carol, alice, bob] {
            #expect(try listener.events(1) == [.participant(uri: dave.uri, state: .joined)])
        }

        #expect(try error(try alice.conference(conf, .ejectParticipant(uri: bob.uri))).code == "notInitiator")
        try accepted(try carol.conference(conf, .ejectParticipant(uri: bob.uri)))
        #expect(try bob.events(1) == [.imSessionState(.terminated)])
        for listener in [carol, alice, dave] {
            #expect(try listener.events(1) == [.participant(uri: bob.uri, state: .left)])
        }
        // Bob is out: he hears nothing more, and may not speak.
        try accepted(try dave.conference(conf, .sendMessage(CWAMessage(content: "bye bob"))))
        #expect(try bob.poll().events.isEmpty)
        #expect(try error(try bob.conference(conf, .sendMessage(CWAMessage(content: "wait")))).code == "notParticipant")

        try accepted(try dave.conference(conf, .terminateImSession))
        #expect(try dave.events(1) == [.imSessionState(.terminated)])
        try accepted(try carol.conference(conf, .terminateImSession))
        #expect(try carol.events(3).last == .imSessionState(.terminated))
        #expect(
            try alice.events(4).suffix(2) == [
                .participant(uri: carol.uri, state: .left), .imSessionState(.terminated),
            ])
        #expect(
            try error(try alice.conference(conf, .sendMessage(CWAMessage(content: "anyone?")))).code
                == "unknownConference")
    }

    @Test func offlineInvalidAndEmptyAreRefusedWithAReason() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let carol = try CWATestClient.signIn(server.url, "carol")
        _ = try CWATestClient.signIn(server.url, "alice")
        func refusal(_ uris: [String], _ text: String) throws -> CWAError {
            try error(
                try carol.conference(
                    "0", .initiateImSession(uris: uris, message: CWAMessage(content: text), subject: nil)))
        }
        let offline = try refusal(["sip:dave@natter.test"], "hello")
        #expect(offline.code == "userOffline")
        #expect(offline.reason.contains("dave@natter.test"))
        #expect(try refusal(["sip:nobody@natter.test"], "hello").code == "unknownUser")
        #expect(try refusal(["sip:alice@elsewhere.example"], "hello").code == "unknownUser")
        #expect(try refusal(["alice@natter.test"], "hello").code == "invalidUri")
        #expect(try refusal(["sip:alice@natter.test"], "").code == "emptyMessage")
        // One bad invitee refuses the whole request: alice was not invited.
        #expect(try refusal(["sip:alice@natter.test", "sip:dave@natter.test"], "hello").code == "userOffline")
        #expect(try carol.poll().events.isEmpty)
    }

    @Test func anInviteeOnlineThroughAnotherProtocolCounts() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let carol = try CWATestClient.signIn(server.url, "carol")
        func start() throws -> CWAResponse {
            try carol.conference(
                "0", .initiateImSession(uris: ["sip:bob@natter.test"], message: CWAMessage(content: "hi"), subject: nil)
            )
        }
        #expect(try error(try start()).code == "userOffline")
        // Bob signs in over Realtime only: the core's presence says he is online, so the invitation goes out.
        let bob = EngineClient(user: "bob", serverURL: server.url)
        defer { bob.stop() }
        #expect(bob.waitSynchronized())
        try accepted(try start())
    }

    @Test func badDocumentsTicketsAndSessionsGetAnErrorNotACrash() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try CWATestClient.signIn(server.url, "alice")
        func refusal(_ response: HTTPResponse) throws -> CWAError {
            let responses = try CWAResponses(bytes: response.body)
            return try error(try #require(responses.responses.first))
        }
        let malformed = try alice.post(bytes: Array("<cwaRequests><initiateSession rid=".utf8))
        #expect(malformed.status == 400)
        #expect(try refusal(malformed).code == "malformedRequest")
        let entity = try alice.post(
            bytes: Array(
                #"<!DOCTYPE x [<!ENTITY e "boom">]><cwaRequests><initiateSession rid="1"/></cwaRequests>"#.utf8))
        #expect(entity.status == 400)
        let huge = try alice.post(bytes: Array(repeating: UInt8(ascii: "a"), count: 300 * 1024))
        #expect(huge.status == 413)
        #expect(try refusal(huge).code == "requestTooLarge")
        let unknown = try alice.post(bytes: Array(#"<cwaRequests><fly rid="1"/></cwaRequests>"#.utf8))
        #expect(try refusal(unknown).code == "unknownRequest")
        let badTicket = try alice.post(
            CWARequests(sid: alice.sid, requests: [.initiateSession(rid: "9")]), ticket: "forged")
        #expect(badTicket.status == 401)
        #expect(try refusal(badTicket).code == "unknownTicket")
        let badPassword = try CWATestClient(server: server.url, user: "bob").post(
            CWARequests(requests: [.logon(rid: "1", user: "sip:bob@natter.test", password: "wrong")]))
        #expect(badPassword.status == 401)
        #expect(try refusal(badPassword).code == "authenticationFailed")
        #expect(try alice.rawPoll(ackId: 0, sid: "nope").status == 404)
        #expect(try alice.rawPoll(ackId: 0, ticket: "forged").status == 401)
        #expect(try alice.rawPoll(ackId: 99).status == 400)
        // The server is still serving, and alice's session still works.
        #expect(try alice.send(.initiateSession(rid: "10")) == .requestAccepted(.init(rid: "10", sid: alice.sid)))
    }

    @Test func aLostPollLosesNothingAndDoublesNothing() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let carol = try CWATestClient.signIn(server.url, "carol")
        let alice = try CWATestClient.signIn(server.url, "alice")
        let conf = try carol.start(["alice"], subject: nil, text: "one")
        try accepted(try carol.conference(conf, .sendMessage(CWAMessage(content: "ignored: alice has not joined"))))
        let first = try alice.poll(acknowledge: false)
        #expect(first.events.count == 2)
        // That answer was lost on the way: the same AckId brings the same events, and the new one after them.
        try accepted(try alice.conference(conf, .acceptImSession))
        let replay = try alice.poll(acknowledge: false)
        #expect(Array(replay.events.prefix(2)) == first.events)
        #expect(
            replay.events.map(\.kind).suffix(2) == [
                .imSessionState(.connected), .participant(uri: carol.uri, state: .joined),
            ])
        #expect(replay.ackId > first.ackId)
        // Acknowledged: nothing is sent twice (the empty answer after the poll wait is the sync point).
        #expect(try alice.poll(ackId: replay.ackId).events.isEmpty)
        try accepted(try carol.conference(conf, .sendMessage(CWAMessage(content: "two"))))
        #expect(
            try alice.poll().events.map(\.kind) == [
                .messageReceived(sender: carol.uri, message: CWAMessage(content: "two"))
            ])
    }

    @Test func theTicketRotatesAndTheClientFollows() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let alice = try CWATestClient.signIn(server.url, "alice")
        var seen: [String] = [try #require(alice.ticket)]
        for _ in 0..<20 {
            try accepted(try alice.send(.initiateSession(rid: alice.nextRid())))
            if let ticket = alice.ticket, ticket != seen.last { seen.append(ticket) }
        }
        #expect(seen.count >= 3)
        // The ticket just replaced still works; two back it is refused.
        let previous = seen[seen.count - 2]
        let stale = seen[seen.count - 3]
        let sid = alice.sid
        #expect(
            try alice.post(CWARequests(sid: sid, requests: [.initiateSession(rid: "p")]), ticket: previous).status
                == 200)
        #expect(
            try alice.post(CWARequests(sid: sid, requests: [.initiateSession(rid: "s")]), ticket: stale).status == 401)
        #expect(try alice.poll().ackId == 0)
    }
}
