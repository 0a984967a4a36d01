import Crypto
import Foundation
import NatterCodecs
import NatterModel
import Testing

@testable import NatterServer

@Suite("Gateways: remote session (roster, presence, chats, catch-up) and addresses")
struct GatewayRemoteSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let carol = "carol%natter.test@b"

    func authenticated(cursor: String?) -> GatewayRemoteSession {
        var session = GatewayRemoteSession(service: "b", resource: "gateway-a.test", cursor: cursor)
        _ = session.opened(sessionID: "s")
        _ = session.receive(
            .ack(RealtimeAck(replyTo: "auth", replyType: "auth", response: ["jid": .string("bob@natter.test/gw")])),
            at: now)
        return session
    }

    func chat(
        _ key: String, from: String = "carol@natter.test", to: String = "bob@natter.test", _ text: String
    )
        -> RealtimeChat
    {
        RealtimeChat(to: to, from: from, text: text, key: key, received: "2027-01-15T08:00:00.000Z")
    }

    func messages(_ outputs: [GatewayRemoteSession.Output]) -> [String] {
        outputs.flatMap { output -> [String] in
            guard case .deliver(let notifications) = output else { return [] }
            return notifications.compactMap {
                if case .message(let from, _, _, let content, _) = $0 { return "\(from): \(content.body?.text ?? "")" }
                return nil
            }
        }
    }

    @Test func addressesWriteTheRemoteJIDWithPercentAtTheService() {
        let address = GatewayAddress(service: "b", remoteJID: "Carol@Natter.test")
        #expect(address.description == carol)
        #expect(GatewayAddress(carol) == address)
        #expect(GatewayAddress("carol@natter.test") == nil)
        #expect(GatewayAddress("%natter.test@b") == nil)
        #expect(GatewayAddress("carol%@b") == nil)
    }

    @Test func authAckAsksForPresenceRosterAndWhatWasMissed() {
        var session = GatewayRemoteSession(service: "b", resource: "r", cursor: "00000000000000000007")
        let outputs = session.receive(
            .ack(RealtimeAck(replyTo: "auth", replyType: "auth", response: ["jid": .string("bob@natter.test/r")])),
            at: now)
        #expect(outputs.first == .authenticated)
        #expect(outputs.contains(.send(.roster(id: "roster"))))
        #expect(
            outputs.contains { output in
                if case .send(.history(let request)) = output { return request.after == "00000000000000000007" }
                return false
            })
    }

    @Test func anAuthErrorIsRefusedCredentials() {
        var session = GatewayRemoteSession(service: "b", resource: "r", cursor: nil)
        let outputs = session.receive(.error(RealtimeErrorMessage(id: "auth", code: .authFailed, text: "no")), at: now)
        #expect(outputs == [.authRefused])
    }

    @Test func rosterContactsBecomeGatewayEntriesWithPresence() {
        var session = authenticated(cursor: "1")
        let outputs = session.receive(
            .ack(
                RealtimeAck(
                    replyTo: "roster", replyType: "roster",
                    response: RealtimeCodec.response([
                        RealtimeRosterContact(jid: "carol@natter.test", name: "Carol", presence: .away)
                    ]))), at: now)
        #expect(
            outputs == [
                .deliver([
                    .rosterItem(IMRosterItem(addr: carol, name: "Carol", groups: ["b"], subscription: .both)),
                    .presence(from: carol, IMPresence(show: .away)),
                ])
            ])
        let change = session.receive(
            .presenceChange(RealtimePresence(from: "carol@natter.test/x", to: "bob@natter.test", presence: .dnd)),
            at: now)
        #expect(change == [.deliver([.presence(from: carol, IMPresence(show: .dnd))])])
        #expect(session.disconnected() == [.deliver([.presence(from: carol, IMPresence(show: .offline))])])
    }

    @Test func liveChatsDuringCatchUpWaitAndNothingIsDeliveredTwice() {
        var session = authenticated(cursor: "5")
        // A live chat arrives before the history answer.
        #expect(session.receive(.chat(chat("8", "live")), at: now).isEmpty)
        let page = session.receive(
            .ack(
                RealtimeAck(
                    replyTo: "h1", replyType: "history",
                    response: RealtimeCodec.response(
                        RealtimeHistoryPage(
                            messages: [
                                chat("6", "missed one"),
                                chat("7", from: "bob@natter.test", to: "carol@natter.test", "mine"),
                                chat("8", "live"),
                            ], more: false)))), at: now)
        #expect(messages(page) == ["\(carol): missed one", "\(carol): live"])
        #expect(page.contains(.storeCursor("8")))
        #expect(session.cursor == "8")
        #expect(messages(session.receive(.chat(chat("9", "next")), at: now)) == ["\(carol): next"])
        #expect(session.receive(.chat(chat("9", "next")), at: now).isEmpty, "an old key is not passed on again")
    }

    @Test func aFirstConnectionOnlyLearnsTheNewestKey() {
        var session = authenticated(cursor: nil)
        let page = session.receive(
            .ack(
                RealtimeAck(
                    replyTo: "h1", replyType: "history",
                    response: RealtimeCodec.response(
                        RealtimeHistoryPage(messages: [chat("3", "old")], more: false)))), at: now)
        #expect(messages(page).isEmpty)
        #expect(session.cursor == "3")
    }

    func authAck(_ session: inout GatewayRemoteSession) -> [GatewayRemoteSession.Output] {
        session.receive(
            .ack(RealtimeAck(replyTo: "auth", replyType: "auth", response: ["jid": .string("bob@natter.test/r")])),
            at: now)
    }

    func sentChats(_ outputs: [GatewayRemoteSession.Output]) -> [RealtimeChat] {
        outputs.compactMap { if case .send(.chat(let chat)) = $0 { chat } else { nil } }
    }

    @Test func chatsForTheRemoteWaitForTheirAckAndAreSentAgainWithTheSameID() {
        var session = GatewayRemoteSession(service: "b", resource: "r", cursor: "1")
        let hi = RealtimeChat(id: "gw-1", to: "carol@natter.test", text: "hi")
        #expect(session.send(hi).isEmpty, "not connected yet")
        _ = session.opened(sessionID: "s")
        #expect(sentChats(authAck(&session)) == [hi])
        // The connection drops before the ack: the next one sends the chat again, with its id.
        _ = session.disconnected()
        #expect(sentChats(authAck(&session)) == [hi])
        #expect(
            session.receive(.ack(RealtimeAck(replyTo: "gw-1", replyType: "chat")), at: now) == [
                .settled(chatID: "gw-1")
            ])
        #expect(session.receive(.ack(RealtimeAck(replyTo: "gw-1", replyType: "chat")), at: now).isEmpty)
        _ = session.disconnected()
        #expect(sentChats(authAck(&session)).isEmpty)
    }

    @Test func chatsStoredByAnEarlierRunAreSentFirstWithTheirStoredIDs() {
        let stored = [
            RealtimeChat(id: "gw-a", to: "carol@natter.test", text: "one"),
            RealtimeChat(id: "gw-b", to: "dave@natter.test", text: "two"),
        ]
        var session = GatewayRemoteSession(service: "b", resource: "r", cursor: "1", outbox: stored)
        let live = RealtimeChat(id: "gw-c", to: "carol@natter.test", text: "three")
        _ = session.send(live)
        #expect(sentChats(authAck(&session)) == stored + [live])
    }

    @Test func aChatTheRemoteRefusesLeavesTheOutbox() {
        var session = authenticated(cursor: "1")
        let chat = RealtimeChat(id: "gw-x", to: "nobody@natter.test", text: "hello?")
        #expect(session.send(chat) == [.send(.chat(chat))])
        let refusal = session.receive(
            .error(RealtimeErrorMessage(id: "gw-x", code: .init(rawValue: "not_found"), text: "no such user")), at: now)
        #expect(refusal == [.refused(chatID: "gw-x", reason: "not_found: no such user")])
        #expect(session.outbox.isEmpty)
    }

    @Test func aCarbonOfOurOwnAccountMeansAnotherLocationOncePerConnection() {
        var session = authenticated(cursor: "1")
        let carbon = chat("4", from: "bob@natter.test", to: "carol@natter.test", "from my phone")
        _ = session.receive(
            .ack(RealtimeAck(replyTo: "h1", replyType: "history", response: ["messages": .array([])])), at: now)
        #expect(session.receive(.chat(carbon), at: now) == [.otherLocation(username: "bob@natter.test")])
        #expect(session.receive(.chat(carbon), at: now).isEmpty)
    }

    @Test func typingBothWays() {
        var session = authenticated(cursor: "1")
        let incoming = session.receive(
            .userTyping(RealtimeTyping(from: "carol@natter.test", to: "bob@natter.test", state: .composing)), at: now)
        guard case .deliver(let notifications)? = incoming.first,
            case .message(let from, _, _, let content, _)? = notifications.first
        else {
            Issue.record("typing must become a message notification: \(incoming)")
            return
        }
        #expect(from == carol)
        #expect(content.typing)
        #expect(
            session.typing(false, to: "carol@natter.test") == [
                .send(.userTyping(RealtimeTyping(to: "carol@natter.test", state: .done)))
            ])
    }

    @Test func passwordsAreSealedAndOnlyTheSameKeyOpensThem() throws {
        let box = GatewaySecretBox(key: .init(size: .bits256))
        let sealed = try box.seal("s3cret")
        #expect(!String(decoding: sealed, as: UTF8.self).contains("s3cret"))
        #expect(try box.open(sealed) == "s3cret")
        #expect(throws: GatewaySecretBox.Error.self) { try GatewaySecretBox(key: .init(size: .bits256)).open(sealed) }
    }
}
