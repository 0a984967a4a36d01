import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

/// Seed 003 describes each client message by a field table rather than by example frames, so these tests write
/// the frames the tables describe (field names and JSON types exactly as listed) and check the seed's one literal
/// value, the timestamp `2019-06-07T09:42:52Z`, byte for byte.
@Suite("Channels codec: seed 003 client messages")
struct ChannelsSeedTests {
    private let seedTime = Date(timeIntervalSince1970: 1_559_900_572)  // 2019-06-07T09:42:52Z

    @Test func announceWithEveryAvailability() throws {
        for availability in ChannelAvailability.allCases {
            let message = try ChannelCodec.decodeClientMessage(
                #"{"type":"announce","status":"At lunch","availability":"\#(availability.rawValue)","attributes":{"device":"tui"}}"#
            )
            #expect(
                message
                    == .announce(
                        ChannelAnnounce(status: "At lunch", availability: availability, attributes: ["device": "tui"])))
        }
    }

    @Test func announceRefusesAnAvailabilityOutsideTheSeedsTable() {
        #expect(throws: ChannelCodecError.invalidField("availability", id: "1", .client)) {
            try ChannelCodec.decodeClientMessage(#"{"type":"announce","id":"1","availability":"away"}"#)
        }
    }

    @Test func messagesWithoutFields() throws {
        #expect(try ChannelCodec.decodeClientMessage(#"{"type":"unannounce"}"#) == .unannounce(id: nil))
        #expect(
            try ChannelCodec.decodeClientMessage(#"{"type":"reinvite-channels","id":7}"#) == .reinviteChannels(id: "7"))
        #expect(try ChannelCodec.decodeClientMessage(#"{"type":"list-channels","id":"a"}"#) == .listChannels(id: "a"))
    }

    @Test func createChannelWithAndWithoutInviteToken() throws {
        #expect(
            try ChannelCodec.decodeClientMessage(#"{"type":"create-channel","name":"Ops"}"#)
                == .createChannel(ChannelCreate(name: "Ops")))
        #expect(
            try ChannelCodec.decodeClientMessage(
                #"{"type":"create-channel","name":"Ops","invite-token":"tok-1","attributes":{"topic":"pager"}}"#)
                == .createChannel(ChannelCreate(name: "Ops", inviteToken: "tok-1", attributes: ["topic": "pager"])))
    }

    @Test func updateListInviteKick() throws {
        #expect(
            try ChannelCodec.decodeClientMessage(#"{"type":"update-channel","channel-id":"c1","name":"Ops 2"}"#)
                == .updateChannel(ChannelUpdate(channelID: "c1", name: "Ops 2")))
        #expect(
            try ChannelCodec.decodeClientMessage(#"{"type":"list-subscribers","channel-id":"c1"}"#)
                == .listSubscribers(id: nil, channelID: "c1"))
        #expect(
            try ChannelCodec.decodeClientMessage(
                #"{"type":"invite","channel-id":"c1","recipient":"bob@natter.test","administrator":true}"#)
                == .invite(ChannelInvite(channelID: "c1", recipient: "bob@natter.test", administrator: true)))
        // The seed lists `administrator` without calling it optional; a missing flag grants nothing.
        #expect(
            try ChannelCodec.decodeClientMessage(#"{"type":"invite","channel-id":"c1","recipient":"bob"}"#)
                == .invite(ChannelInvite(channelID: "c1", recipient: "bob", administrator: false)))
        #expect(
            try ChannelCodec.decodeClientMessage(#"{"type":"kick","channel-id":"c1","recipient":"bob"}"#)
                == .kick(ChannelKick(channelID: "c1", recipient: "bob")))
    }

    @Test func messageAndMessageStatus() throws {
        #expect(
            try ChannelCodec.decodeClientMessage(
                #"{"type":"message","id":3,"channel-id":"c1","message-id":"m-1","text":"hi","attributes":{"x":1}}"#)
                == .message(
                    ChannelMessage(id: "3", channelID: "c1", messageID: "m-1", text: "hi", attributes: ["x": 1])))
        for status in [ChannelDeliveryStatus.displayed, .read] {
            #expect(
                try ChannelCodec.decodeClientMessage(
                    #"{"type":"message-status","channel-id":"c1","message-id":"m-1","status":"\#(status.rawValue)"}"#)
                    == .messageStatus(ChannelMessageStatus(channelID: "c1", messageID: "m-1", status: status)))
        }
    }

    @Test func messageStatusRefusesTheServersOwnStatuses() {
        for status in ["stored", "received", "seen"] {
            #expect(throws: ChannelCodecError.invalidField("status", id: nil, .client)) {
                try ChannelCodec.decodeClientMessage(
                    #"{"type":"message-status","channel-id":"c1","message-id":"m-1","status":"\#(status)"}"#)
            }
        }
    }

    @Test func retrieveWithTheSeedsTimestamp() throws {
        let frame =
            #"{"type":"retrieve","id":"r1","channel-id":"c1","time":"2019-06-07T09:42:52Z","direction":"desc","count":50}"#
        let message = try ChannelCodec.decodeClientMessage(frame)
        #expect(
            message
                == .retrieve(
                    ChannelRetrieve(id: "r1", channelID: "c1", time: seedTime, direction: .descending, count: 50)))
        #expect(ChannelCodec.encode(message) == frame)
    }

    @Test func retrieveCountAbove100IsTreatedAs100() throws {
        let message = try ChannelCodec.decodeClientMessage(
            #"{"type":"retrieve","channel-id":"c1","time":"2019-06-07T09:42:52Z","direction":"asc","count":1000}"#)
        #expect(
            message == .retrieve(ChannelRetrieve(channelID: "c1", time: seedTime, direction: .ascending, count: 100)))
        #expect(ChannelCodec.encode(message).contains(#""count":100"#))
    }

    @Test func retrieveAcceptsFractionalSeconds() throws {
        let message = try ChannelCodec.decodeClientMessage(
            #"{"type":"retrieve","channel-id":"c1","time":"2019-06-07T09:42:52.250Z","direction":"asc","count":1}"#)
        let expected = ChannelRetrieve(
            channelID: "c1", time: seedTime.addingTimeInterval(0.25), direction: .ascending, count: 1)
        #expect(message == .retrieve(expected))
        #expect(ChannelCodec.encode(message).contains(#""time":"2019-06-07T09:42:52.250Z""#))
    }

    @Test func retrieveRefusesBadTimeDirectionAndCount() {
        let base = #""type":"retrieve","channel-id":"c1""#
        #expect(throws: ChannelCodecError.invalidField("time", id: nil, .client)) {
            try ChannelCodec.decodeClientMessage(#"{\#(base),"time":"yesterday","direction":"asc","count":1}"#)
        }
        #expect(throws: ChannelCodecError.invalidField("direction", id: nil, .client)) {
            try ChannelCodec.decodeClientMessage(
                #"{\#(base),"time":"2019-06-07T09:42:52Z","direction":"up","count":1}"#)
        }
        #expect(throws: ChannelCodecError.invalidField("count", id: nil, .client)) {
            try ChannelCodec.decodeClientMessage(
                #"{\#(base),"time":"2019-06-07T09:42:52Z","direction":"asc","count":0}"#)
        }
        #expect(throws: ChannelCodecError.invalidField("count", id: nil, .client)) {
            try ChannelCodec.decodeClientMessage(
                #"{\#(base),"time":"2019-06-07T09:42:52Z","direction":"asc","count":"5"}"#)
        }
    }
}

/// The server messages the dialect notes in `seeds/README.md` quote, byte for byte where they give the shape.
@Suite("Channels codec: seed 003 server messages")
struct ChannelsSeedServerTests {
    @Test func ackShapes() throws {
        let ack = #"{"type":"ack","id":"s-9","reply-to":"7","status":true}"#
        #expect(try ChannelCodec.decodeServerMessage(ack) == .ack(ChannelAck(id: "s-9", replyTo: "7", status: true)))
        #expect(ChannelCodec.encode(.ack(ChannelAck(id: "s-9", replyTo: "7", status: true))) == ack)
        // `id` and `reply-to` are both optional in the notes.
        let bare = #"{"type":"ack","status":false}"#
        #expect(try ChannelCodec.decodeServerMessage(bare) == .ack(ChannelAck(replyTo: nil, status: false)))
        #expect(ChannelCodec.encode(.ack(ChannelAck(replyTo: nil, status: false))) == bare)
    }

    @Test func deliveryWithEveryStatus() throws {
        for status in ChannelDeliveryStatus.allCases {
            let frame = #"{"type":"delivery","message-id":"m-1","status":"\#(status.rawValue)"}"#
            let message = ChannelServerMessage.delivery(ChannelDelivery(messageID: "m-1", status: status))
            #expect(try ChannelCodec.decodeServerMessage(frame) == message)
            #expect(ChannelCodec.encode(message) == frame)
        }
    }

    @Test func invitation() throws {
        let frame =
            #"{"type":"invitation","channel-id":"c1","name":"Ops","administrator":true,"attributes":{"topic":"pager"}}"#
        let message = ChannelServerMessage.invitation(
            ChannelInvitation(channelID: "c1", name: "Ops", attributes: ["topic": "pager"], administrator: true))
        #expect(try ChannelCodec.decodeServerMessage(frame) == message)
        #expect(ChannelCodec.encode(message) == frame)
    }
}
