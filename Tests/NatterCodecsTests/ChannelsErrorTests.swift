import Foundation
import Testing

@testable import NatterCodecs

@Suite("Channels codec: bad input")
struct ChannelsErrorTests {
    private func clientError(_ text: String) throws -> ChannelCodecError {
        do {
            let message = try ChannelCodec.decodeClientMessage(text)
            Issue.record("decoded \(message) from \(text)")
            throw ExpectedFailure()
        } catch let error as ChannelCodecError {
            return error
        }
    }

    private struct ExpectedFailure: Error {}

    @Test func malformedJSONIsAckedWithoutReplyTo() throws {
        let error = try clientError(#"{"type":"message","#)
        #expect(error.isMalformedJSON)
        #expect(error.answersWithAck)
        #expect(error.acknowledgement() == ChannelAck(replyTo: nil, status: false, reason: "malformed JSON"))
        #expect(
            ChannelCodec.encode(.ack(try #require(error.acknowledgement())))
                == #"{"type":"ack","status":false,"reason":"malformed JSON"}"#)
    }

    @Test func nonObjectsAreRefused() throws {
        for text in ["[1,2]", "\"announce\"", "42", "null"] {
            let error = try clientError(text)
            #expect(error.isMalformedJSON, "\(text)")
            #expect(error.description == "message must be a JSON object")
        }
    }

    @Test func unknownTypeEchoesTheID() throws {
        let error = try clientError(#"{"type":"subscribe","id":12}"#)
        #expect(error.unknownType == "subscribe")
        #expect(
            error.acknowledgement()
                == ChannelAck(replyTo: "12", status: false, reason: "unknown message type 'subscribe'"))
    }

    @Test func missingAndNonStringType() throws {
        #expect(try clientError(#"{"id":"1"}"#) == .missingType(id: "1", .client))
        #expect(try clientError(#"{"id":"1","type":3}"#) == .invalidField("type", id: "1", .client))
    }

    @Test func unusableIDIsRefusedWithoutEcho() throws {
        let error = try clientError(#"{"type":"list-channels","id":{"x":1}}"#)
        #expect(error.field == "id")
        #expect(error.acknowledgement()?.replyTo == nil)
    }

    @Test func missingFieldsNameTheField() throws {
        let cases: [(String, String)] = [
            (#"{"type":"create-channel","id":"1"}"#, "name"),
            (#"{"type":"update-channel","id":"1","name":"x"}"#, "channel-id"),
            (#"{"type":"invite","id":"1","channel-id":"c"}"#, "recipient"),
            (#"{"type":"kick","id":"1","recipient":"bob"}"#, "channel-id"),
            (#"{"type":"message","id":"1","channel-id":"c","message-id":"m"}"#, "text"),
            (#"{"type":"message","id":"1","channel-id":"c","text":"t"}"#, "message-id"),
            (#"{"type":"announce","id":"1"}"#, "availability"),
            (
                #"{"type":"retrieve","id":"1","channel-id":"c","time":"2019-06-07T09:42:52Z","direction":"asc"}"#,
                "count"
            ),
            (#"{"type":"list-subscribers","id":"1"}"#, "channel-id"),
        ]
        for (text, field) in cases {
            let error = try clientError(text)
            #expect(error == .missingField(field, id: "1", .client), "\(text)")
            #expect(error.acknowledgement()?.reason == "missing required field '\(field)'")
        }
    }

    @Test func wrongTypesNameTheField() throws {
        let cases: [(String, String)] = [
            (#"{"type":"create-channel","id":"1","name":5}"#, "name"),
            (#"{"type":"create-channel","id":"1","name":"x","attributes":[]}"#, "attributes"),
            (#"{"type":"invite","id":"1","channel-id":"c","recipient":"b","administrator":"yes"}"#, "administrator"),
            (#"{"type":"message","id":"1","channel-id":"c","message-id":"m","text":null}"#, "text"),
            (#"{"type":"announce","id":"1","availability":"busy","status":false}"#, "status"),
        ]
        for (text, field) in cases {
            let error = try clientError(text)
            // A null text is what the seed calls out; it reads as missing, which is as clear.
            let expected: ChannelCodecError =
                text.contains("null") ? .missingField(field, id: "1", .client) : .invalidField(field, id: "1", .client)
            #expect(error == expected, "\(text)")
        }
    }

    @Test func oversizedFramesAreRefusedBeforeParsing() throws {
        let big = Data((#"{"type":"message","text":""# + String(repeating: "x", count: 200) + #""}"#).utf8)
        do {
            _ = try ChannelCodec.decodeClientMessage(big, maximumFrameSize: 100)
            Issue.record("an oversized frame decoded")
        } catch {
            #expect(error.isFrameTooLarge)
            #expect(error.answersWithAck)
            #expect(error.description == "frame of \(big.count) bytes exceeds the limit of 100 bytes")
        }
        #expect(throws: ChannelCodecError.frameTooLarge(size: big.count, limit: 100, sender: .client)) {
            try ChannelCodec.decodeClientMessage(String(decoding: big, as: UTF8.self), maximumFrameSize: 100)
        }
        // At the limit the frame is read.
        #expect(throws: ChannelCodecError.missingField("channel-id", id: nil, .client)) {
            try ChannelCodec.decodeClientMessage(big, maximumFrameSize: big.count)
        }
    }

    @Test func serverMessageErrorsAreNotAcked() throws {
        do {
            _ = try ChannelCodec.decodeServerMessage(#"{"type":"delivery","message-id":"m","status":"lost"}"#)
            Issue.record("a bad delivery decoded")
        } catch {
            #expect(error == .invalidField("status", id: nil, .server))
            #expect(!error.answersWithAck)
            #expect(error.acknowledgement() == nil)
        }
    }

    @Test func serverListEntriesMustBeObjectsWithTheirFields() {
        #expect(throws: ChannelCodecError.invalidField("channels", id: nil, .server)) {
            try ChannelCodec.decodeServerMessage(#"{"type":"channel-list","channels":["c1"]}"#)
        }
        #expect(throws: ChannelCodecError.missingField("channels", id: nil, .server)) {
            try ChannelCodec.decodeServerMessage(#"{"type":"channel-list"}"#)
        }
        #expect(throws: ChannelCodecError.missingField("administrator", id: nil, .server)) {
            try ChannelCodec.decodeServerMessage(
                #"{"type":"channel-directory","channel-id":"c","subscribers":[{"subscriber":"a","availability":"dnd"}]}"#
            )
        }
        #expect(throws: ChannelCodecError.missingField("status", id: nil, .server)) {
            try ChannelCodec.decodeServerMessage(#"{"type":"ack","reply-to":"1"}"#)
        }
    }
}
