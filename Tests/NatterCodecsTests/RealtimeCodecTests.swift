import Foundation
import NatterModel
import Testing

@testable import NatterCodecs

@Suite("Realtime codec: seed 004 examples")
struct RealtimeCodecSeedTests {
    @Test func decodesMessageTypedChatFromAckExample() throws {
        let message = try RealtimeCodec.decode(
            """
            {
              "type": "message",
              "to":   "acme+27053427bb9f4c448d79ef5fcb4da78c@xmpp.ryver.com",
              "text": "hello world",
              "id":   "23TplPdS"
            }
            """)
        guard case .chat(let chat) = message else { Issue.record("expected chat, got \(message)"); return }
        #expect(chat.id == "23TplPdS")
        #expect(chat.to == "acme+27053427bb9f4c448d79ef5fcb4da78c@xmpp.ryver.com")
        #expect(chat.text == "hello world")
        #expect(chat.from == nil && chat.key == nil)
    }

    @Test func decodesAckWithReplyTo() throws {
        let message = try RealtimeCodec.decode(
            #"{"type":"ack","reply_type":"message","reply_to":"23TplPdS"}"#)
        #expect(message == .ack(RealtimeAck(replyTo: "23TplPdS", replyType: "message")))
    }

    @Test func decodesAckWithReplyIDFromPropertyTable() throws {
        let message = try RealtimeCodec.decode(
            #"{"type":"ack","reply_type":"chat","reply_id":"9","response":{"key":"00093971650512420864"}}"#)
        guard case .ack(let ack) = message else { Issue.record("expected ack"); return }
        #expect(ack.replyTo == "9")
        #expect(ack.key == "00093971650512420864")
    }

    @Test func decodesAuth() throws {
        let message = try RealtimeCodec.decode(
            #"{"type": "auth", "id": "71TplPdS", "authorization": "Session 0123abcd"}"#)
        guard case .auth(let auth) = message else { Issue.record("expected auth"); return }
        #expect(auth.id == "71TplPdS")
        #expect(auth.sessionID == "0123abcd")
        #expect(auth.agent == nil && auth.resource == nil)
    }

    @Test func decodesServerChat() throws {
        let message = try RealtimeCodec.decode(
            """
            {
              "type": "chat",
              "from": "acme+edc02251076b4190830f30f48eff8266@xmpp.ryver.com",
              "to":   "acme+27053427bb9f4c448d79ef5fcb4da78c@xmpp.ryver.com",
              "text": "hello world",
              "key":  "00093971650512420864"
            }
            """)
        #expect(
            message
                == .chat(
                    RealtimeChat(
                        to: "acme+27053427bb9f4c448d79ef5fcb4da78c@xmpp.ryver.com",
                        from: "acme+edc02251076b4190830f30f48eff8266@xmpp.ryver.com", text: "hello world",
                        key: "00093971650512420864")))
    }

    @Test func decodesClientPresence() throws {
        let message = try RealtimeCodec.decode(#"{"type": "presence_change", "presence": "away"}"#)
        #expect(message == .presenceChange(RealtimePresence(presence: .away)))
    }

    @Test func decodesServerPresence() throws {
        let message = try RealtimeCodec.decode(
            """
            {
              "type":     "presence_change",
              "from":     "acme+edc02251076b4190830f30f48eff8266@xmpp.ryver.com/<resource>",
              "to":       "acme+27053427bb9f4c448d79ef5fcb4da78c@xmpp.ryver.com",
              "presence": "away",
              "received": "2024-05-01T10:00:00Z"
            }
            """)
        guard case .presenceChange(let presence) = message else { Issue.record("expected presence"); return }
        #expect(presence.from == "acme+edc02251076b4190830f30f48eff8266@xmpp.ryver.com/<resource>")
        #expect(presence.to == "acme+27053427bb9f4c448d79ef5fcb4da78c@xmpp.ryver.com")
        #expect(presence.presence == .away)
        #expect(presence.received == "2024-05-01T10:00:00Z")
    }

    @Test func carriesPresenceStatusTextBothWays() throws {
        let away = RealtimePresence(presence: .away, status: "lunch \"out\"")
        let encoded = RealtimeCodec.encode(.presenceChange(away))
        #expect(encoded == #"{"type":"presence_change","presence":"away","status":"lunch \"out\""}"#)
        #expect(try RealtimeCodec.decode(encoded) == .presenceChange(away))
        let roster = [RealtimeRosterContact(jid: "bob@natter.test", name: "Bob", presence: .away, status: "lunch")]
        #expect(try RealtimeCodec.rosterContacts(from: RealtimeCodec.response(roster)) == roster)
    }

    @Test func decodesTeamJoinAndLeave() throws {
        let room = "acme+27053427bb9f4c448d79ef5fcb4da78c@xmpp.ryver.com"
        #expect(try RealtimeCodec.decode(#"{"type": "team_join", "to": "\#(room)"}"#) == .teamJoin(.init(to: room)))
        #expect(try RealtimeCodec.decode(#"{"type": "team_leave", "to": "\#(room)"}"#) == .teamLeave(.init(to: room)))
    }

    @Test func decodesTypingBothDirections() throws {
        let client = try RealtimeCodec.decode(#"{"type": "user_typing", "to": "bob@natter.test"}"#)
        #expect(client == .userTyping(RealtimeTyping(to: "bob@natter.test", state: .composing)))
        let server = try RealtimeCodec.decode(
            #"{"type":"user_typing","from":"alice@natter.test","to":"bob@natter.test","state":"done"}"#)
        #expect(server == .userTyping(RealtimeTyping(from: "alice@natter.test", to: "bob@natter.test", state: .done)))
    }

    @Test func decodesPingAndPingAck() throws {
        #expect(try RealtimeCodec.decode(#"{"type": "ping", "id": "23TplPdS"}"#) == .ping(id: "23TplPdS"))
        #expect(
            try RealtimeCodec.decode(#"{"type": "ack", "reply_type": "ping", "reply_to": "23TplPdS"}"#)
                == .ack(RealtimeAck(replyTo: "23TplPdS", replyType: "ping")))
    }

    @Test func decodesError() throws {
        let message = try RealtimeCodec.decode(
            #"{"type": "error", "code": "auth_failed", "text": "authentication failed; invalid session"}"#)
        #expect(
            message
                == .error(RealtimeErrorMessage(code: .authFailed, text: "authentication failed; invalid session")))
    }

    @Test func decodesNumericIDAsString() throws {
        #expect(try RealtimeCodec.decode(#"{"type":"ping","id":42}"#) == .ping(id: "42"))
    }

    @Test func keepsExtrasAndCreateSource() throws {
        let message = try RealtimeCodec.decode(
            #"{"type":"chat","to":"a@b","text":"x","extras":{"n":1,"f":1.5,"l":[true,null]},"createSource":{"displayName":"Al"}}"#
        )
        guard case .chat(let chat) = message else { Issue.record("expected chat"); return }
        #expect(chat.extras == ["n": .integer(1), "f": .double(1.5), "l": .array([.bool(true), .null])])
        #expect(chat.displayName == "Al")
    }
}

@Suite("Realtime codec: errors")
struct RealtimeCodecErrorTests {
    private func failure(_ text: String) -> RealtimeCodecError? {
        do {
            _ = try RealtimeCodec.decode(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func classifiesFailures() {
        #expect(failure("{not json") == .malformedJSON)
        #expect(failure("[1,2]") == .notAnObject)
        #expect(failure(#"{"id":"1"}"#) == .missingType(id: "1"))
        #expect(failure(#"{"type":"bogus","id":"7"}"#) == .unknownType("bogus", id: "7"))
        #expect(failure(#"{"type":"bogus","id":"7"}"#)?.code == .invalidMessageType)
        #expect(failure(#"{"type":"chat","id":"8","to":"a@b"}"#) == .missingField("text", id: "8"))
        #expect(failure(#"{"type":"chat","id":"8","to":"a@b","text":5}"#) == .invalidField("text", id: "8"))
        #expect(failure(#"{"type":"presence_change","presence":"sleepy"}"#)?.field == "presence")
        #expect(failure(#"{"type":"ping","id":{"x":1}}"#) == .invalidField("id", id: nil))
        #expect(failure(#"{"type":"user_typing","to":"a@b","state":"thinking"}"#)?.code == .invalidArg)
        #expect(failure(#"{"type":"history","with":"a@b","limit":0}"#)?.field == "limit")
        #expect(failure(#"{"type":"history","id":"h","limit":5}"#) == .missingField("with", id: "h"))
        #expect(failure(#"{"type":"history","id":"h","with":"a@b","after":7}"#) == .invalidField("after", id: "h"))
    }

    @Test func decodesCatchUpHistory() throws {
        #expect(
            try RealtimeCodec.decode(#"{"type":"history","id":"c","after":"00000000000000000042","limit":100}"#)
                == .history(RealtimeHistoryRequest(id: "c", with: nil, after: "00000000000000000042", limit: 100)))
    }

    /// Crash check only: random bytes almost never get past the JSON parser, so the mutation test below is
    /// the one that reaches the field decoders.
    @Test func crashOnlyFuzzRandomBytes() {
        var generator = SplitMix64(seed: 0x5EED_0004)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 512)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = try? RealtimeCodec.decode(bytes)
        }
    }

    /// Mutated valid frames: whatever still decodes must survive encode → decode unchanged, so a decoder that
    /// accepts something the encoder cannot reproduce fails here, not only a crash.
    @Test func mutatedFramesThatDecodeRoundTrip() throws {
        let seeds = [
            #"{"type":"chat","id":"1","to":"bob@natter.test","text":"hi","extras":{"k":[1,2.5,null,true]}}"#,
            #"{"type":"presence_change","from":"a@b/r","to":"c@d","presence":"away","received":"2026-01-01T00:00:00Z"}"#,
            #"{"type":"ack","reply_to":"7","reply_type":"auth","response":{"jid":"a@b/r"}}"#,
            #"{"type":"error","id":"3","code":"invalid_arg","text":"bad","data":{"field":"to"}}"#,
            #"{"type":"history","id":"h","with":"bob@natter.test","before":"00000000000000000042","limit":20}"#,
            #"{"type":"auth","id":2,"authorization":"Session s1","agent":"Natter","resource":"tui"}"#,
            #"{"type":"user_typing","to":"bob@natter.test","state":"composing"}"#,
        ].map { Array($0.utf8) }
        let alphabet = Array(#"{}[]:,"\ 0123456789.-+eEtruefalsnl"#.utf8)
        var generator = SplitMix64(seed: 0x0004_F022)
        var decoded = 0
        for index in 0..<20_000 {
            var bytes = seeds[index % seeds.count]
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let position = Int(generator.next() % UInt64(bytes.count + 1))
                let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                switch generator.next() % 3 {
                case 0 where position < bytes.count: bytes[position] = byte
                case 1 where position < bytes.count: bytes.remove(at: position)
                default: bytes.insert(byte, at: position)
                }
            }
            guard let message = try? RealtimeCodec.decode(bytes) else { continue }
            decoded += 1
            let again = try RealtimeCodec.decode(RealtimeCodec.encode(message))
            #expect(again == message, "round trip changed \(String(decoding: bytes, as: UTF8.self))")
        }
        // Enough mutants must survive decoding for the round trip to have been exercised at all.
        #expect(decoded > 1_000)
    }

    @Test func survivesDeepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(deep) != nil)
        let deepExtras =
            #"{"type":"chat","to":"a@b","text":"x","extras":{"a":"# + String(repeating: "{\"a\":", count: 5000)
            + "1" + String(repeating: "}", count: 5001) + "}"
        _ = failure(deepExtras)
    }

    /// Crash check only: every field of every type with every wrong JSON type.
    @Test func crashOnlyWrongTypesForEveryField() {
        let types = [
            "auth", "chat", "chat_updated", "chat_deleted", "presence_change", "user_typing", "team_join",
            "team_leave", "ping", "ack", "error", "history", "roster", "team_list",
            "roster_update",
        ]
        let fields = [
            "id", "to", "from", "text", "key", "extras", "createSource", "presence", "received", "state",
            "authorization", "reply_to", "reply_type", "response", "error", "code", "with", "before", "limit",
        ]
        let wrongValues = ["1.5", "true", "null", "[]", "{}", "\"\"", "-1"]
        for type in types {
            for field in fields {
                for value in wrongValues {
                    _ = failure(#"{"type":"\#(type)","\#(field)":\#(value)}"#)
                }
            }
        }
    }
}

/// Deterministic generator so a fuzz failure can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
