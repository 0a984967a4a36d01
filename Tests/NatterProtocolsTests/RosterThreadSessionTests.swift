import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import Testing

@testable import NatterProtocols

@Suite("Roster client session: multi-user threads and history pages")
struct RosterThreadSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let bob = JID("bob@natter.test")!
    let carol = JID("carol@natter.test")!

    /// Beside Realtime, as on a natterd account: only subscriptions and threads are this adapter's.
    func loggedIn() -> RosterSession {
        var session = RosterSession(domain: "natter.test", carriesChat: false)
        _ = session.loggedIn(.auth(authToken: "t1", lifetime: 60_000, session: "7"), user: "alice")
        return session
    }

    @Test func threadCommandsBecomeChatRequests() throws {
        let session = loggedIn()
        #expect(session.capabilities.contains(.threads))
        let fromChat = try #require(session.outgoing(.threads(.invite(carol, text: "hi", thread: nil, peer: bob))))
        #expect(fromChat.0 == .modifyChat(thread: "d:alice:bob", .addUser(addr: "carol@natter.test", invitation: "hi")))
        let fromConsole = try #require(session.outgoing(.threads(.invite(carol, text: "", thread: nil, peer: nil))))
        #expect(
            fromConsole.0 == .modifyChat(thread: "d:alice:carol", .addUser(addr: "carol@natter.test", invitation: "")))
        let into = try #require(session.outgoing(.threads(.invite(carol, text: "x", thread: "m:3", peer: nil))))
        #expect(into.0 == .modifyChat(thread: "m:3", .addUser(addr: "carol@natter.test", invitation: "x")))
        #expect(session.outgoing(.threads(.join("m:3")))?.0 == .joinChat(thread: "m:3", addr: nil))
        #expect(session.outgoing(.threads(.leave("m:3")))?.0 == .modifyChat(thread: "m:3", .close))
        let send = try #require(session.outgoing(.chat(.send(localID: "l1", to: .thread("m:3"), text: "yo"))))
        #expect(send.0 == .sendMessage(to: .thread("m:3"), IMMessageContent(body: .init("yo"))))
    }

    @Test func answersNameTheThreadWeAreIn() {
        var session = loggedIn()
        let invited = session.received(
            .modifyChat(thread: "m:8", found: true), context: nil, for: .thread("d:alice:bob"), now: now)
        #expect(invited == [.threads(.started("m:8"))])
        let joined = session.received(.joinChat(thread: nil, found: true), context: nil, for: .thread("m:8"), now: now)
        #expect(joined == [.threads(.started("m:8"))])
        let missing = session.received(
            .joinChat(thread: nil, found: false), context: nil, for: .thread("m:9"), now: now)
        guard case .session(.notice(let notice))? = missing.first, missing.count == 1 else {
            Issue.record("not one notice: \(missing)")
            return
        }
        #expect(notice.level == .warning && notice.text == "there is no thread m:9")
    }

    @Test func threadNotificationsPassEvenBesideRealtime() throws {
        var session = loggedIn()
        let block = ZimbraNotify(
            seq: 1,
            notifications: [
                .invited(thread: "m:8", addr: "bob@natter.test", message: "plans"),
                .enteredChat(thread: "m:8", addr: "carol@natter.test"),
                .message(
                    from: "carol@natter.test", thread: "m:8", timestamp: 1_800_000_000_000,
                    content: IMMessageContent(body: .init("hello"))),
                .message(
                    from: "bob@natter.test", thread: "d:alice:bob", timestamp: 1_800_000_000_000,
                    content: IMMessageContent(body: .init("Realtime has this one"))),
                .leftChat(thread: "m:8", addr: "carol@natter.test"),
            ])
        let events = session.received(
            .noOp(waitDisallowed: false),
            context: ZimbraResponseContext(session: ZimbraSession(id: "7"), notifications: [block]), for: .none,
            now: now)
        #expect(events.count == 4)
        #expect(events[0] == .threads(.invited(ThreadInvitation(thread: "m:8", from: bob, text: "plans"))))
        #expect(events[1] == .threads(.entered(thread: "m:8", carol)))
        guard case .chat(.received(let message)) = events[2] else {
            Issue.record("not a message: \(events[2])")
            return
        }
        #expect(message.conversation == .thread("m:8") && message.sender == carol && message.text == "hello")
        #expect(events[3] == .threads(.left(thread: "m:8", carol)))
    }

    @Test func aSentThreadMessageIsKeyedLikeItsPlaceInHistory() {
        var session = loggedIn()
        let acked = session.received(
            .sendMessage(thread: "m:8", seq: 41), context: nil, for: .chat(localID: "l1"), now: now)
        #expect(acked == [.chat(.acked(localID: "l1", serverKey: "zimbra:m:8:41", timestamp: now))])
        #expect(RosterSession.serverKey(thread: "m:8", seq: 41) == "zimbra:m:8:41")
    }

    @Test func historyPagesBackwardsBySeq() throws {
        var session = loggedIn()
        let id = ConversationID.thread("m:8")
        let newest = try #require(session.outgoing(.chat(.fetchHistory(id, before: nil, limit: 50))))
        #expect(newest.0 == .getChat(thread: "m:8", seq: nil, before: Int64.max))
        let chat = IMChat(
            thread: "m:8",
            participants: [.init(id: "1", addr: "alice@natter.test"), .init(id: "2", addr: "bob@natter.test")],
            messages: [
                .init(seq: 101, timestamp: 1_800_000_000_000, from: "2", content: IMMessageContent(body: .init("a"))),
                .init(seq: 102, timestamp: 1_800_000_001_000, from: "1", content: IMMessageContent(body: .init("b"))),
            ])
        let events = session.received(.getChat(.found(chat)), context: nil, for: newest.1, now: now)
        guard case .chat(.historyLoaded(id, let messages, let hasMore)) = try #require(events.first) else {
            Issue.record("not a history page: \(events)")
            return
        }
        #expect(hasMore)
        #expect(messages.map(\.text) == ["a", "b"] && messages.map(\.isOutgoing) == [false, true])
        let older = try #require(
            session.outgoing(.chat(.fetchHistory(id, before: messages[0].serverKey, limit: 50))))
        #expect(older.0 == .getChat(thread: "m:8", seq: nil, before: 101))
        // A live message and the same message in a page share an id, so it is shown once.
        let live = session.events(
            for: .message(
                from: "bob@natter.test", thread: "m:8", timestamp: 1_800_000_000_000,
                content: IMMessageContent(body: .init("a"))), now: now)
        #expect(
            live == [
                .chat(
                    .received(
                        Message(
                            id: messages[0].id, conversation: id, sender: bob, text: "a",
                            timestamp: messages[0].timestamp,
                            isOutgoing: false)))
            ])
        let first = IMChat(
            thread: "m:8", participants: chat.participants,
            messages: [
                .init(seq: 1, timestamp: 1, from: "2", content: IMMessageContent(body: .init("start")))
            ])
        #expect(
            session.received(.getChat(.found(first)), context: nil, for: older.1, now: now).first.map {
                if case .chat(.historyLoaded(_, _, false)) = $0 { true } else { false }
            } == true)
    }
}
