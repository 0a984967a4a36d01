import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterProtocols
import NatterWire
import Testing

@Suite struct RealtimeSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A session that has sent auth and received its ack.
    func authenticated() -> (RealtimeSession, RealtimeSession.Actions) {
        var session = RealtimeSession(domain: "natter.test")
        guard case .auth(let auth) = session.begin(sessionID: "s1", agent: "Natter", resource: "tui") else {
            Issue.record("begin must send auth")
            return (session, .init())
        }
        #expect(auth.authorization == "Session s1")
        let actions = session.incoming(
            .ack(RealtimeAck(replyTo: auth.id!, replyType: "auth", response: ["jid": "alice@natter.test/tui"])),
            now: now)
        return (session, actions)
    }

    @Test func authAckAuthenticatesAndAsksForRosterAndRooms() {
        let (session, actions) = authenticated()
        #expect(session.account == JID("alice@natter.test/tui"))
        #expect(actions.events == [.authenticated(JID("alice@natter.test/tui")!)])
        #expect(actions.send.map(\.type) == ["roster", "team_list"])
    }

    @Test func nothingIsSentBeforeAuth() {
        var session = RealtimeSession(domain: "natter.test")
        #expect(session.outgoing(.setPresence(.available, status: nil)) == nil)
    }

    @Test func chatUsesTheLocalIDAndItsAckCarriesTheKey() throws {
        var (session, _) = authenticated()
        let outgoing = session.outgoing(.sendChat(localID: "m-1", to: .direct(JID("bob@natter.test")!), text: "hi"))
        let wire = try #require(outgoing)
        #expect(RealtimeCodec.encode(wire).contains("\"id\":\"m-1\""))
        let actions = session.incoming(
            .ack(RealtimeAck(replyTo: "m-1", replyType: "chat", response: ["key": "k7"])), now: now)
        #expect(actions.events == [.messageAcked(localID: "m-1", serverKey: "k7", timestamp: nil)])
    }

    @Test func chatErrorFailsTheMessage() {
        var (session, _) = authenticated()
        _ = session.outgoing(.sendChat(localID: "m-2", to: .direct(JID("nobody@natter.test")!), text: "?"))
        let actions = session.incoming(
            .error(RealtimeErrorMessage(id: "m-2", code: .invalidArg, text: "unknown recipient")), now: now)
        #expect(actions.events == [.messageFailed(localID: "m-2", reason: "unknown recipient")])
    }

    @Test func authErrorIsAConnectionFailure() {
        var session = RealtimeSession(domain: "natter.test")
        guard case .auth(let auth) = session.begin(sessionID: "bad", agent: "a", resource: "r") else { return }
        let actions = session.incoming(
            .error(RealtimeErrorMessage(id: auth.id, code: .authFailed, text: "invalid session")), now: now)
        #expect(actions.failure == .authFailed("invalid session"))
    }

    @Test func badFramesFromTheServerBecomeWarningsNotFailures() {
        var (session, _) = authenticated()
        for text in ["{not json", "[1,2]", "{\"type\":\"telepathy\"}", "{\"type\":\"chat\",\"text\":5}", "\u{0}"] {
            let actions = session.incoming(text: text, now: now)
            #expect(actions.failure == nil, "\(text) broke the connection")
            guard case .notice(let notice) = actions.events.first else {
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

    @Test func catchUpAsksForEverythingAfterAKeyAndDeliversItAsMissedMessages() {
        var (session, _) = authenticated()
        guard case .history(let request) = session.outgoing(.catchUp(after: "00000000000000000042", limit: 200)) else {
            Issue.record("catch-up must be a history request")
            return
        }
        #expect(request.with == nil && request.after == "00000000000000000042" && request.limit == 200)
        let page: JSONValue = .array([
            .object(["from": "bob@natter.test", "to": "alice@natter.test", "text": "missed", "key": "43"])
        ])
        let actions = session.incoming(
            .ack(RealtimeAck(replyTo: request.id!, replyType: "history", response: ["messages": page, "more": false])),
            now: now)
        guard case .caughtUp(let messages, let more) = actions.events.first else {
            Issue.record("expected caught-up messages, got \(actions.events)")
            return
        }
        #expect(messages.map(\.text) == ["missed"] && !more)
    }

    @Test func incomingChatsAreFiledByConversation() {
        var (session, _) = authenticated()
        let direct = session.incoming(
            .chat(RealtimeChat(to: "alice@natter.test", from: "bob@natter.test", text: "yo", key: "k1")), now: now)
        guard case .messageReceived(let message) = direct.events.first else {
            Issue.record("a chat must become a message")
            return
        }
        #expect(message.conversation == .direct(JID("bob@natter.test")!))
        #expect(!message.isOutgoing)

        let carbon = session.incoming(
            .chat(RealtimeChat(to: "carol@natter.test", from: "alice@natter.test/phone", text: "x", key: "k2")),
            now: now)
        guard case .messageReceived(let copy) = carbon.events.first else {
            Issue.record("carbon must become a message")
            return
        }
        #expect(copy.conversation == .direct(JID("carol@natter.test")!))
        #expect(copy.isOutgoing)
    }

    @Test func firstPresenceAckMarksSynchronizedOnce() throws {
        var (session, _) = authenticated()
        guard case .presenceChange(let first) = session.outgoing(.setPresence(.available, status: nil)) else {
            Issue.record("presence must be sent")
            return
        }
        let sync = session.incoming(.ack(RealtimeAck(replyTo: first.id!, replyType: "presence_change")), now: now)
        #expect(sync.events == [.synchronized])
        guard case .presenceChange(let second) = session.outgoing(.setPresence(.away, status: nil)) else { return }
        let again = session.incoming(.ack(RealtimeAck(replyTo: second.id!, replyType: "presence_change")), now: now)
        #expect(again.events.isEmpty)
    }

    @Test func roomPresenceAndTypingGoToTheRoom() {
        var (session, _) = authenticated()
        let lounge = JID("lounge@natter.test")!
        _ = session.outgoing(.joinRoom(lounge))
        let presence = session.incoming(
            .presenceChange(
                RealtimePresence(from: "bob@natter.test/x", to: "lounge@natter.test", presence: .available)),
            now: now)
        #expect(presence.events == [.roomOccupant(room: lounge, user: JID("bob@natter.test")!, .available)])
        let typing = session.incoming(
            .userTyping(RealtimeTyping(from: "bob@natter.test", to: "lounge@natter.test", state: .done)), now: now)
        #expect(typing.events == [.typing(.room(lounge), JID("bob@natter.test")!, false)])
    }

    @Test func reconnectForgetsOldRequests() {
        var (session, _) = authenticated()
        _ = session.outgoing(.sendChat(localID: "m-9", to: .direct(JID("bob@natter.test")!), text: "x"))
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
