import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

@Suite struct RealtimeReadMarkerSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let bob = JID("bob@natter.test")!

    func authenticate(_ session: inout RealtimeSession) throws -> RealtimeSession.Actions {
        guard case .auth(let auth) = session.begin(sessionID: "s1", agent: "Natter", resource: "tui") else {
            throw UnexpectedValue(description: "begin must send auth")
        }
        return session.incoming(
            .ack(RealtimeAck(replyTo: auth.id!, replyType: "auth", response: ["jid": "alice@natter.test/tui"])),
            now: now)
    }

    @Test func positionsSetOfflineAreSentOnResumeAndMarkersAreAskedFor() throws {
        var session = RealtimeSession(domain: "natter.test")
        let chat = ConversationID.direct(bob)
        // Offline: nothing to send, but the position is kept.
        #expect(session.outgoing(.chat(.markRead(chat, key: "00000000000000000007"))) == nil)
        let actions = try authenticate(&session)
        let markers = actions.send.compactMap { message -> RealtimeReadMarker? in
            if case .readMarker(let marker) = message { marker } else { nil }
        }
        #expect(markers.map(\.with) == ["bob@natter.test"] && markers.map(\.key) == ["00000000000000000007"])
        let listID = try #require(actions.send.last { $0.type == "read_markers" }?.id)

        let listed = session.incoming(
            .ack(
                RealtimeAck(
                    replyTo: listID, replyType: "read_markers",
                    response: RealtimeCodec.response([RealtimeReadMarker(with: "bob@natter.test", key: "9")]))),
            now: now)
        #expect(listed.events == [.chat(.readMarker(chat, key: "9"))])
    }

    @Test func pushedMarkerAndMarkerAckBecomeEvents() throws {
        var session = RealtimeSession(domain: "natter.test")
        _ = try authenticate(&session)
        let chat = ConversationID.direct(bob)
        let pushed = session.incoming(.readMarker(RealtimeReadMarker(with: "bob@natter.test", key: "12")), now: now)
        #expect(pushed.events == [.chat(.readMarker(chat, key: "12"))])

        let outgoing = session.outgoing(.chat(.markRead(chat, key: "13")))
        let sent = try #require(outgoing)
        let ack = session.incoming(
            .ack(
                RealtimeAck(
                    replyTo: sent.id!, replyType: "read_marker",
                    response: ["with": "bob@natter.test", "key": "14"])),
            now: now)
        // The server answers with the marker in force, which another client may have moved further.
        #expect(ack.events == [.chat(.readMarker(chat, key: "14"))])
    }

    @Test func wireShape() throws {
        let message = RealtimeMessage.readMarker(RealtimeReadMarker(id: "5", with: "bob@natter.test", key: "42"))
        #expect(
            RealtimeCodec.encode(message) == #"{"type":"read_marker","id":"5","with":"bob@natter.test","key":"42"}"#)
        #expect(try RealtimeCodec.decode(RealtimeCodec.encode(message)) == message)
        #expect(try RealtimeCodec.decode(#"{"type":"read_markers","id":"6"}"#) == .readMarkers(id: "6"))
    }
}
