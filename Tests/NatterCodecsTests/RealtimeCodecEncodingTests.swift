import NatterModel
import NatterWire
import Testing

@testable import NatterCodecs

@Suite("Realtime codec: encoding")
struct RealtimeCodecEncodingTests {
    @Test func encodesTypeFirstInFixedOrder() {
        #expect(
            RealtimeCodec.encode(.ack(RealtimeAck(replyTo: "23TplPdS", replyType: "ping")))
                == #"{"type":"ack","reply_to":"23TplPdS","reply_type":"ping"}"#)
        #expect(
            RealtimeCodec.encode(.auth(RealtimeAuth(id: "1", sessionID: "abc", agent: "natter", resource: "tty")))
                == #"{"type":"auth","id":"1","authorization":"Session abc","agent":"natter","resource":"tty"}"#)
        #expect(
            RealtimeCodec.encode(
                .chat(
                    RealtimeChat(
                        to: "bob@natter.test", from: "alice@natter.test", text: "hi \"there\"\n", key: "k1",
                        displayName: "Alice", received: "2024-05-01T10:00:00Z")))
                == #"{"type":"chat","key":"k1","from":"alice@natter.test","to":"bob@natter.test","text":"hi \"there\"\n","#
                + #""received":"2024-05-01T10:00:00Z","createSource":{"displayName":"Alice"}}"#)
        #expect(
            RealtimeCodec.encode(.presenceChange(RealtimePresence(presence: .dnd)))
                == #"{"type":"presence_change","presence":"dnd"}"#)
        #expect(
            RealtimeCodec.encode(.error(RealtimeErrorMessage(id: "5", code: .notAuthenticated, text: "auth first")))
                == #"{"type":"error","id":"5","code":"not_authenticated","text":"auth first"}"#)
    }

    @Test func escapesControlCharactersAndKeepsUnicode() throws {
        let text = "日本語 🎉 \u{1}\u{1B}[2J"
        let encoded = RealtimeCodec.encode(.chat(RealtimeChat(to: "a@b", text: text)))
        #expect(encoded == #"{"type":"chat","to":"a@b","text":"日本語 🎉 \u0001\u001b[2J"}"#)
        #expect(try RealtimeCodec.decode(encoded) == .chat(RealtimeChat(to: "a@b", text: text)))
    }

    static let samples: [RealtimeMessage] = [
        .auth(RealtimeAuth(id: "a1", sessionID: "0f", agent: "natter/1", resource: "laptop")),
        .chat(
            RealtimeChat(
                id: "c1", to: "bob@natter.test", from: "alice@natter.test/tty", text: "héllo", key: "00000001",
                extras: ["card": .object(["n": .integer(-3), "pi": .double(3.25), "ok": .bool(false)])],
                displayName: "Alice", received: "2024-05-01T10:00:00Z")),
        .chatUpdated(RealtimeChat(to: "lounge@natter.test", text: "edited", key: "9")),
        .chatDeleted(RealtimeChatRef(id: "d", key: "9", to: "lounge@natter.test", from: "alice@natter.test")),
        .presenceChange(RealtimePresence(id: "p", from: "a@b/r", to: "c@d", presence: .xa, received: "2024")),
        .userTyping(RealtimeTyping(from: "a@b", to: "c@d", state: .done)),
        .userTyping(RealtimeTyping(to: "c@d")),
        .teamJoin(RealtimeRoomRequest(id: "j", to: "lounge@natter.test")),
        .teamLeave(RealtimeRoomRequest(to: "lounge@natter.test")),
        .ping(id: nil),
        .ping(id: "x"),
        .ack(
            RealtimeAck(
                replyTo: "h", replyType: "history", response: ["more": .bool(true), "messages": .array([])],
                error: RealtimeErrorMessage(code: .serverError, text: "boom", data: .object(["cond": "x"])))),
        .error(RealtimeErrorMessage(id: "e", code: .xmppError, text: "x", data: .object(["type": "cancel"]))),
        .history(RealtimeHistoryRequest(id: "7", with: "bob@natter.test", before: "00000009", limit: 50)),
        .history(RealtimeHistoryRequest(id: "8", with: nil, after: "00000009", limit: 500)),
        .history(RealtimeHistoryRequest(id: "9", with: "lounge@natter.test", after: "00000009")),
        .roster(id: "r"),
        .teamList(id: nil),
        .rosterUpdate([
            RealtimeRosterContact(
                jid: "bob@natter.test", name: "Bob", presence: .available, groups: ["Friends", "Other Contacts"]),
            RealtimeRosterContact(jid: "carol@natter.test", name: "Carol", presence: .unavailable),
        ]),
    ]

    @Test(arguments: samples)
    func roundTrips(_ message: RealtimeMessage) throws {
        let encoded = RealtimeCodec.encode(message)
        #expect(try RealtimeCodec.decode(encoded) == message)
        #expect(RealtimeCodec.encode(try RealtimeCodec.decode(encoded)) == encoded)
    }

    @Test func historyResponseRoundTrips() throws {
        let page = RealtimeHistoryPage(
            messages: [
                RealtimeChat(to: "bob@natter.test", from: "alice@natter.test", text: "one", key: "1", received: "t1"),
                RealtimeChat(to: "alice@natter.test", from: "bob@natter.test", text: "two", key: "2"),
            ], more: true)
        let ack = RealtimeAck(replyTo: "7", replyType: "history", response: RealtimeCodec.response(page))
        guard case .ack(let decoded) = try RealtimeCodec.decode(RealtimeCodec.encode(.ack(ack))) else {
            Issue.record("expected ack")
            return
        }
        #expect(try RealtimeCodec.historyPage(from: decoded.response) == page)
    }

    @Test func rosterAndTeamResponsesRoundTrip() throws {
        let contacts = [
            RealtimeRosterContact(jid: "bob@natter.test", name: "Bob Martin", presence: .away, groups: ["Team"])
        ]
        #expect(try RealtimeCodec.rosterContacts(from: RealtimeCodec.response(contacts)) == contacts)
        let teams = [RealtimeTeam(jid: "lounge@natter.test", name: "Lounge", joined: true)]
        #expect(try RealtimeCodec.teams(from: RealtimeCodec.response(teams)) == teams)
        #expect(
            JSONValue.object(RealtimeCodec.response(contacts)).serialized
                == #"{"contacts":[{"groups":["Team"],"jid":"bob@natter.test","name":"Bob Martin","presence":"away"}]}"#)
    }
}
