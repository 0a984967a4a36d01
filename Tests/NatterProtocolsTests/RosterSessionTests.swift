import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import Testing

@testable import NatterProtocols

@Suite("Roster client session: commands, notifications, seq")
struct RosterSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let bob = JID("bob@natter.test")!

    func loggedIn() -> RosterSession {
        var session = RosterSession(domain: "natter.test")
        let events = session.loggedIn(.auth(authToken: "t1", lifetime: 60_000, session: "7"), user: "alice")
        #expect(events == [.session(.authenticated(JID("alice@natter.test")!))])
        return session
    }

    @Test func commandsBecomeRequestsAndTheRestIsNotCarried() throws {
        let session = loggedIn()
        let send = try #require(session.outgoing(.chat(.send(localID: "l1", to: .direct(bob), text: "hi"))))
        #expect(send.0 == .sendMessage(to: .address("bob@natter.test"), IMMessageContent(body: .init("hi"))))
        #expect(send.1 == .chat(localID: "l1"))
        #expect(
            session.outgoing(.presence(.set(.dnd, status: "busy")))?.0
                == .setPresence([IMPresence(show: .dnd, status: "busy")]))
        #expect(session.outgoing(.presence(.set(.available, status: nil)))?.0 == .setPresence([IMPresence()]))
        #expect(session.outgoing(.roster(.remove(bob)))?.0 == .subscribe(addr: "bob@natter.test", op: .remove))
        #expect(session.outgoing(.chat(.catchUp(after: ResumeCursor("x"), limit: 10))) == nil)
        #expect(session.context == ZimbraRequestContext(authToken: "t1", session: ZimbraSession(id: "7", seq: nil)))
    }

    @Test func notificationsBecomeEventsOnceEvenWhenResent() {
        var session = loggedIn()
        let block = ZimbraNotify(
            seq: 1,
            notifications: [
                .roster([IMRosterItem(addr: "bob@natter.test", name: "Bob", groups: ["Work"], subscription: .both)]),
                .presence(from: "bob@natter.test", IMPresence(show: .away, status: "lunch")),
                .message(
                    from: "bob@natter.test", thread: "d:alice:bob", timestamp: 1_800_000_000_000,
                    content: IMMessageContent(body: .init("hello"))),
                .message(
                    from: "bob@natter.test", thread: "d:alice:bob", timestamp: 1_800_000_000_001,
                    content: IMMessageContent(typing: true)),
            ])
        let context = ZimbraResponseContext(session: ZimbraSession(id: "7"), notifications: [block])
        let events = session.received(.noOp(waitDisallowed: false), context: context, for: .none, now: now)
        #expect(events.count == 4)
        #expect(events[0] == .roster(.loaded([Contact(jid: bob, displayName: "Bob", groups: ["Work"])])))
        #expect(events[1] == .presence(.changed(bob, .away, status: "lunch", since: nil)))
        guard case .chat(.received(let message)) = events[2] else {
            Issue.record("not a message: \(events[2])")
            return
        }
        #expect(message.text == "hello" && message.conversation == .direct(bob) && !message.isOutgoing)
        #expect(events[3] == .chat(.typing(.direct(bob), bob, true)))
        #expect(session.seq == 1)
        // The same block again (our acknowledgement was lost): nothing new.
        let again = session.received(.noOp(waitDisallowed: false), context: context, for: .none, now: now)
        #expect(again.isEmpty)
    }

    @Test func myOwnMessageFromAnotherSessionIsOutgoingInThePeersConversation() {
        var session = loggedIn()
        let context = ZimbraResponseContext(notifications: [
            ZimbraNotify(
                seq: 1,
                notifications: [
                    .message(
                        from: "alice@natter.test", thread: "d:alice:bob", timestamp: 1,
                        content: .init(body: .init("mine")))
                ])
        ])
        let events = session.received(.noOp(waitDisallowed: false), context: context, for: .none, now: now)
        guard case .chat(.received(let message))? = events.first else {
            Issue.record("no message: \(events)")
            return
        }
        #expect(message.isOutgoing && message.conversation == .direct(bob))
    }

    @Test func anExpiredTokenKeepsTheSessionAndItsPlace() {
        var session = loggedIn()
        _ = session.received(
            .noOp(waitDisallowed: false),
            context: ZimbraResponseContext(notifications: [ZimbraNotify(seq: 3, notifications: [])]), for: .none,
            now: now)
        session.tokenExpired()
        #expect(session.context == ZimbraRequestContext(session: ZimbraSession(id: "7", seq: 3)))
    }

    @Test func aChatIsAckedOrFailedAndAnEntryChangeAsksForTheRoster() {
        var session = loggedIn()
        let acked = session.received(
            .sendMessage(thread: "d:alice:bob"), context: nil, for: .chat(localID: "l1"), now: now)
        #expect(acked == [.chat(.acked(localID: "l1", serverKey: nil, timestamp: now))])
        let fault = ZimbraFault(code: .invalidAddress, reason: "no such user: zed")
        let failed = session.failed(fault, for: .chat(localID: "l2"), now: now)
        #expect(failed == [.chat(.failed(localID: "l2", reason: "no such user: zed"))])
        _ = session.received(
            .subscribe(addr: "bob@natter.test"),
            context: ZimbraResponseContext(notifications: [
                ZimbraNotify(
                    seq: 1, notifications: [.rosterItem(IMRosterItem(addr: "bob@natter.test", ask: .subscribe))])
            ]), for: .roster, now: now)
        let stale = session.takeRosterStale()
        let staleAgain = session.takeRosterStale()
        #expect(stale && !staleAgain)
    }

    @Test func nextToRealtimeOnlySubscriptionsAreCarried() {
        var session = RosterSession(domain: "natter.test", carriesChat: false)
        _ = session.loggedIn(.auth(authToken: "t", lifetime: 1, session: "1"), user: "alice")
        #expect(session.capabilities == [.subscriptions, .threads, .gateways])
        let context = ZimbraResponseContext(notifications: [
            ZimbraNotify(
                seq: 1,
                notifications: [
                    .presence(from: "bob@natter.test", IMPresence(show: .away)),
                    .message(
                        from: "bob@natter.test", thread: "d:alice:bob", timestamp: 1, content: .init(body: .init("x"))),
                    .subscribe(from: "carol@natter.test"),
                ])
        ])
        let events = session.received(.noOp(waitDisallowed: false), context: context, for: .none, now: now)
        #expect(events == [.subscriptions(.requested(JID("carol@natter.test")!))])
    }

    @Test func aNewSessionIdStartsTheNotificationCountAgain() {
        var session = loggedIn()
        let first = ZimbraResponseContext(
            session: ZimbraSession(id: "7"),
            notifications: [ZimbraNotify(seq: 5, notifications: [.subscribe(from: "carol@natter.test")])])
        _ = session.received(.noOp(waitDisallowed: false), context: first, for: .none, now: now)
        #expect(session.seq == 5)
        // The server ended session 7 while we were away; session 9 numbers from 1 and must not be skipped.
        let replaced = ZimbraResponseContext(
            session: ZimbraSession(id: "9"),
            notifications: [ZimbraNotify(seq: 1, notifications: [.subscribe(from: "dave@natter.test")])])
        let events = session.received(.noOp(waitDisallowed: false), context: replaced, for: .none, now: now)
        #expect(events == [.subscriptions(.requested(JID("dave@natter.test")!))])
        #expect(session.seq == 1 && session.sessionID == "9")
        let stale = session.takeRosterStale()
        #expect(stale)
    }

    @Test func aPresenceWithoutTextSendsTheConfiguredStatusesPerLanguage() throws {
        let texts = RosterStatusTexts([
            "": [.away: "Out to lunch"], "de": [.away: "Beim Mittagessen"], "fr": [.dnd: "Occupée"],
        ])
        var session = RosterSession(domain: "natter.test", statusTexts: texts)
        _ = session.loggedIn(.auth(authToken: "t1", lifetime: 60_000, session: "7"), user: "alice")
        #expect(
            session.outgoing(.presence(.set(.away, status: nil)))?.0
                == .setPresence([
                    IMPresence(show: .away, status: "Out to lunch"),
                    IMPresence(show: .away, status: "Beim Mittagessen", lang: "de"),
                ]))
        // A text typed with the command is the one status; a presence without configured texts has none.
        #expect(
            session.outgoing(.presence(.set(.away, status: "back at 2")))?.0
                == .setPresence([IMPresence(show: .away, status: "back at 2")]))
        #expect(
            session.outgoing(.presence(.set(.dnd, status: nil)))?.0
                == .setPresence([IMPresence(show: .dnd), IMPresence(show: .dnd, status: "Occupée", lang: "fr")]))
    }
}
