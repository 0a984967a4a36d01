import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterProtocols
import NatterWire
import Testing

struct UnexpectedValue: Error, CustomStringConvertible {
    let description: String
}

@Suite struct RealtimeSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let bob = JID("bob@natter.test")!

    /// A session that has sent auth and received its ack.
    func authenticated() throws -> (RealtimeSession, RealtimeSession.Actions) {
        var session = RealtimeSession(domain: "natter.test")
        guard case .auth(let auth) = session.begin(sessionID: "s1", agent: "Natter", resource: "tui") else {
            throw UnexpectedValue(description: "begin must send auth")
        }
        #expect(auth.authorization == "Session s1")
        let actions = session.incoming(
            .ack(RealtimeAck(replyTo: auth.id!, replyType: "auth", response: ["jid": "alice@natter.test/tui"])),
            now: now)
        return (session, actions)
    }

    /// The events other than cursor moves, which several tests do not care about.
    func withoutCursor(_ events: [EngineEvent]) -> [EngineEvent] {
        events.filter { if case .session(.resumeCursor) = $0 { false } else { true } }
    }

    func firstMessage(_ events: [EngineEvent]) throws -> Message {
        for case .chat(.received(let message)) in events { return message }
        throw UnexpectedValue(description: "expected a received message, got \(events)")
    }

    @Test func authAckAuthenticatesAndAsksForRosterAndRooms() throws {
        let (session, actions) = try authenticated()
        #expect(session.account == JID("alice@natter.test/tui"))
        #expect(actions.events == [.session(.authenticated(JID("alice@natter.test/tui")!))])
        #expect(actions.send.map(\.type) == ["roster", "team_list", "read_markers"])
    }

    @Test func declaresWhatARealtimeConnectionOffers() {
        #expect(RealtimeSession.capabilities == [.chat, .typing, .rooms, .presence])
    }

    @Test func nothingIsSentBeforeAuth() {
        var session = RealtimeSession(domain: "natter.test")
        #expect(session.outgoing(.presence(.set(.available, status: nil))) == nil)
    }

    @Test func commandsOutsideItsCapabilitiesAreNotTranslated() throws {
        var (session, _) = try authenticated()
        #expect(session.outgoing(.roster(.add(bob, name: "Bob", groups: []))) == nil)
        #expect(session.outgoing(.channels(.join("general"))) == nil)
    }

    @Test func chatUsesTheLocalIDAndItsAckCarriesTheKey() throws {
        var (session, _) = try authenticated()
        let outgoing = session.outgoing(.chat(.send(localID: "m-1", to: .direct(bob), text: "hi")))
        let wire = try #require(outgoing)
        #expect(RealtimeCodec.encode(wire).contains("\"id\":\"m-1\""))
        let actions = session.incoming(
            .ack(RealtimeAck(replyTo: "m-1", replyType: "chat", response: ["key": "k7"])), now: now)
        #expect(
            actions.events == [
                .session(.resumeCursor(ResumeCursor("k7"))),
                .chat(.acked(localID: "m-1", serverKey: "k7", timestamp: nil)),
            ])
    }

    @Test func chatErrorFailsTheMessage() throws {
        var (session, _) = try authenticated()
        _ = session.outgoing(.chat(.send(localID: "m-2", to: .direct(JID("nobody@natter.test")!), text: "?")))
        let actions = session.incoming(
            .error(RealtimeErrorMessage(id: "m-2", code: .invalidArg, text: "unknown recipient")), now: now)
        #expect(actions.events == [.chat(.failed(localID: "m-2", reason: "unknown recipient"))])
    }

    @Test func authErrorIsAConnectionFailure() throws {
        var session = RealtimeSession(domain: "natter.test")
        guard case .auth(let auth) = session.begin(sessionID: "bad", agent: "a", resource: "r") else {
            throw UnexpectedValue(description: "begin must send auth")
        }
        let actions = session.incoming(
            .error(RealtimeErrorMessage(id: auth.id, code: .authFailed, text: "invalid session")), now: now)
        #expect(actions.failure == .authFailed("invalid session"))
    }

    @Test func badFramesFromTheServerBecomeWarningsNotFailures() throws {
        var (session, _) = try authenticated()
        for text in ["{not json", "[1,2]", "{\"type\":\"telepathy\"}", "{\"type\":\"chat\",\"text\":5}", "\u{0}"] {
            let actions = session.incoming(text: text, now: now)
            #expect(actions.failure == nil, "\(text) broke the connection")
            guard case .session(.notice(let notice)) = actions.events.first else {
                Issue.record("\(text) produced \(actions.events)")
                continue
            }
            #expect(notice.level == .warning)
        }
        #expect(session.incoming(text: "{\"type\":\"telepathy\"}", now: now).events.description.contains("telepathy"))
        #expect(session.isAuthenticated)
    }

    @Test func anAuthErrorWithoutIDStillEndsTheAttempt() {
        var session = RealtimeSession(domain: "natter.test")
        _ = session.begin(sessionID: "stale", agent: "a", resource: "r")
        let actions = session.incoming(
            .error(RealtimeErrorMessage(code: .authFailed, text: "authentication failed; invalid session")), now: now)
        #expect(actions.failure == .authFailed("authentication failed; invalid session"))
    }

    @Test func catchUpAsksForEverythingAfterTheCursorAndMovesItBeforeReportingThePage() throws {
        var (session, _) = try authenticated()
        let cursor = ResumeCursor("00000000000000000042")
        guard case .history(let request) = session.outgoing(.chat(.catchUp(after: cursor, limit: 200))) else {
            throw UnexpectedValue(description: "catch-up must be a history request")
        }
        #expect(request.with == nil && request.after == "00000000000000000042" && request.limit == 200)
        let page: JSONValue = .array([
            .object(["from": "bob@natter.test", "to": "alice@natter.test", "text": "missed", "key": "43"])
        ])
        let actions = session.incoming(
            .ack(RealtimeAck(replyTo: request.id!, replyType: "history", response: ["messages": page, "more": true])),
            now: now)
        #expect(actions.events.first == .session(.resumeCursor(ResumeCursor("43"))))
        guard case .chat(.caughtUp(let messages, let more)) = actions.events.last else {
            throw UnexpectedValue(description: "expected caught-up messages, got \(actions.events)")
        }
        #expect(messages.map(\.text) == ["missed"] && more)
    }

    @Test func theCursorComparesKeysAsNumbersWhateverTheirPadding() throws {
        var (session, _) = try authenticated()
        var cursors: [EngineEvent] = []
        for key in ["99", "100", "98"] {
            let chat = RealtimeChat(to: "alice@natter.test", from: "bob@natter.test", text: key, key: key)
            cursors += session.incoming(.chat(chat), now: now).events.filter { withoutCursor([$0]).isEmpty }
        }
        #expect(cursors == [.session(.resumeCursor(ResumeCursor("99"))), .session(.resumeCursor(ResumeCursor("100")))])
        #expect(session.newestKey == "100")
    }

    @Test func incomingChatsAreFiledByConversation() throws {
        var (session, _) = try authenticated()
        let direct = session.incoming(
            .chat(RealtimeChat(to: "alice@natter.test", from: "bob@natter.test", text: "yo", key: "k1")), now: now)
        let message = try firstMessage(direct.events)
        #expect(message.conversation == .direct(bob))
        #expect(!message.isOutgoing)

        let carbon = session.incoming(
            .chat(RealtimeChat(to: "carol@natter.test", from: "alice@natter.test/phone", text: "x", key: "k2")),
            now: now)
        let copy = try firstMessage(carbon.events)
        #expect(copy.conversation == .direct(JID("carol@natter.test")!))
        #expect(copy.isOutgoing)
    }

    @Test func firstPresenceAckMarksSynchronizedOnce() throws {
        var (session, _) = try authenticated()
        guard case .presenceChange(let first) = session.outgoing(.presence(.set(.available, status: nil))) else {
            throw UnexpectedValue(description: "presence must be sent")
        }
        let sync = session.incoming(.ack(RealtimeAck(replyTo: first.id!, replyType: "presence_change")), now: now)
        #expect(sync.events == [.session(.synchronized)])
        guard case .presenceChange(let second) = session.outgoing(.presence(.set(.away, status: nil))) else {
            throw UnexpectedValue(description: "presence must be sent again")
        }
        let again = session.incoming(.ack(RealtimeAck(replyTo: second.id!, replyType: "presence_change")), now: now)
        #expect(again.events.isEmpty)
    }

    @Test func presenceStatusTextTravelsBothWays() throws {
        var (session, _) = try authenticated()
        guard case .presenceChange(let sent) = session.outgoing(.presence(.set(.away, status: "lunch"))) else {
            throw UnexpectedValue(description: "presence must be sent")
        }
        #expect(sent.presence == .away)
        #expect(sent.status == "lunch")
        guard case .presenceChange(let cleared) = session.outgoing(.presence(.set(.available, status: ""))) else {
            throw UnexpectedValue(description: "presence must be sent")
        }
        #expect(cleared.status == nil, "an empty text is no text")
        let heard = session.incoming(
            .presenceChange(
                RealtimePresence(from: "bob@natter.test/x", to: "alice@natter.test", presence: .dnd, status: "call")),
            now: now)
        #expect(heard.events == [.presence(.changed(JID("bob@natter.test/x")!, .dnd, status: "call", since: nil))])
    }

    @Test func roomPresenceAndTypingGoToTheRoom() throws {
        var (session, _) = try authenticated()
        let lounge = JID("lounge@natter.test")!
        _ = session.outgoing(.rooms(.join(lounge)))
        let presence = session.incoming(
            .presenceChange(
                RealtimePresence(from: "bob@natter.test/x", to: "lounge@natter.test", presence: .available)),
            now: now)
        #expect(presence.events == [.rooms(.occupant(room: lounge, user: bob, .available))])
        let typing = session.incoming(
            .userTyping(RealtimeTyping(from: "bob@natter.test", to: "lounge@natter.test", state: .done)), now: now)
        #expect(typing.events == [.chat(.typing(.room(lounge), bob, false))])
    }

    @Test func reconnectForgetsOldRequests() throws {
        var (session, _) = try authenticated()
        _ = session.outgoing(.chat(.send(localID: "m-9", to: .direct(bob), text: "x")))
        _ = session.begin(sessionID: "s2", agent: "a", resource: "r")
        #expect(session.outstandingRequests == 1)
        #expect(!session.isAuthenticated)
    }

    @Test func backoffGrowsAndIsCapped() {
        let backoff = ReconnectBackoff(base: 1, cap: 30)
        #expect(backoff.delay(attempt: 1, random: 0) == 0.5)
        #expect(backoff.delay(attempt: 3, random: 0.999) < 4)
        #expect(backoff.delay(attempt: 3, random: 0) == 2)
        #expect(backoff.delay(attempt: 40, random: 0.999) <= 30)
    }
}
