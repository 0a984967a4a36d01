import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

@Suite("Channels codec: round trips and Natter's server messages")
struct ChannelsRoundTripTests {
    private static let time = Date(timeIntervalSince1970: 1_764_498_000)  // 2025-11-30T10:20:00Z

    static let clientMessages: [ChannelClientMessage] = [
        .announce(
            ChannelAnnounce(id: "1", status: "in a meeting", availability: .busy, attributes: ["a": .array([1, "b"])])),
        .announce(ChannelAnnounce(availability: .invisible)),
        .unannounce(id: "2"),
        .createChannel(ChannelCreate(id: "3", name: "Ops", inviteToken: "tok", attributes: ["n": .null])),
        .updateChannel(ChannelUpdate(id: "4", channelID: "c1", name: "Ops!", attributes: ["topic": "x"])),
        .updateChannel(ChannelUpdate(channelID: "c1")),
        .reinviteChannels(id: nil),
        .listChannels(id: "5"),
        .listSubscribers(id: "6", channelID: "c1"),
        .invite(ChannelInvite(id: "7", channelID: "c1", recipient: "bob@natter.test", administrator: true)),
        .kick(ChannelKick(id: "8", channelID: "c1", recipient: "alice")),
        .message(
            ChannelMessage(id: "9", channelID: "c1", messageID: "m-1", text: "héllo\n\"you\"", attributes: ["k": true])),
        .messageStatus(ChannelMessageStatus(id: "10", channelID: "c1", messageID: "m-1", status: .read)),
        .retrieve(ChannelRetrieve(id: "11", channelID: "c1", time: time, direction: .ascending, count: 100)),
        .retrieve(
            ChannelRetrieve(id: "12", channelID: "c1", time: time, direction: .descending, count: 5, after: "m-1")),
    ]

    static let serverMessages: [ChannelServerMessage] = [
        .ack(ChannelAck(id: "c1", replyTo: "3", status: true)),
        .ack(ChannelAck(replyTo: "4", status: false, reason: "only administrators may update a channel")),
        .delivery(
            ChannelDelivery(messageID: "m-1", status: .displayed, channelID: "c1", subscriber: "bob@natter.test")),
        .invitation(
            ChannelInvitation(
                channelID: "c1", name: "Ops", attributes: ["topic": "pager"], administrator: false, inviteToken: "tok",
                sender: "alice@natter.test")),
        .message(
            ChannelMessage(
                channelID: "c1", messageID: "m-1", text: "hi", sender: "alice@natter.test", time: time, replyTo: "11")),
        .channelList(
            ChannelList(
                replyTo: "5",
                channels: [
                    .init(channelID: "c1", name: "Ops", administrator: true),
                    .init(channelID: "c2", name: "Dev", administrator: false),
                ])),
        .channelList(ChannelList(channels: [])),
        .channelDirectory(
            ChannelDirectory(
                replyTo: "6", channelID: "c1",
                subscribers: [
                    ChannelSubscriber(subscriber: "alice@natter.test", administrator: true, availability: .available),
                    ChannelSubscriber(
                        subscriber: "bob@natter.test", administrator: false, availability: .dnd, status: "focus"),
                ])),
        .unsubscription(
            ChannelUnsubscription(channelID: "c1", subscriber: "bob@natter.test", kickedBy: "alice@natter.test")),
        .unsubscription(ChannelUnsubscription(channelID: "c1", subscriber: "alice@natter.test")),
        .memberStatus(
            ChannelMemberStatus(
                channelID: "c1",
                member: ChannelSubscriber(subscriber: "bob@natter.test", administrator: true, availability: .busy))),
        .archiveRetrieval(
            ChannelArchiveRetrieval(replyTo: "11", channelID: "c1", time: time, direction: .descending, count: 0)),
    ]

    @Test(arguments: clientMessages)
    func clientMessageRoundTrips(_ message: ChannelClientMessage) throws {
        let text = ChannelCodec.encode(message)
        #expect(text.hasPrefix(#"{"type":"\#(message.type)""#))
        #expect(try ChannelCodec.decodeClientMessage(text) == message)
    }

    @Test(arguments: serverMessages)
    func serverMessageRoundTrips(_ message: ChannelServerMessage) throws {
        let text = ChannelCodec.encode(message)
        #expect(text.hasPrefix(#"{"type":"\#(message.type)""#))
        #expect(try ChannelCodec.decodeServerMessage(text) == message)
    }

    @Test func everyClientTypeIsCovered() {
        let types = Set(Self.clientMessages.map(\.type))
        #expect(types.count == 12)
    }

    @Test func everyServerTypeIsCovered() {
        let types = Set(Self.serverMessages.map(\.type))
        #expect(types.count == 9)
    }

    /// The frames of Natter's own server messages, exactly as `docs/protocols/channels.md` shows them.
    @Test func designedServerMessagesByteForByte() {
        #expect(
            ChannelCodec.encode(Self.serverMessages[5])
                == #"{"type":"channel-list","reply-to":"5","channels":[{"administrator":true,"channel-id":"c1","name":"Ops"},{"administrator":false,"channel-id":"c2","name":"Dev"}]}"#
        )
        #expect(
            ChannelCodec.encode(Self.serverMessages[7])
                == #"{"type":"channel-directory","reply-to":"6","channel-id":"c1","subscribers":[{"administrator":true,"availability":"available","subscriber":"alice@natter.test"},{"administrator":false,"availability":"dnd","status":"focus","subscriber":"bob@natter.test"}]}"#
        )
        #expect(
            ChannelCodec.encode(Self.serverMessages[8])
                == #"{"type":"unsubscription","channel-id":"c1","subscriber":"bob@natter.test","kicked-by":"alice@natter.test"}"#
        )
        #expect(
            ChannelCodec.encode(Self.serverMessages[10])
                == #"{"type":"member-status","channel-id":"c1","subscriber":"bob@natter.test","administrator":true,"availability":"busy"}"#
        )
        #expect(
            ChannelCodec.encode(Self.serverMessages[11])
                == #"{"type":"archive-retrieval","reply-to":"11","channel-id":"c1","time":"2025-11-30T10:20:00Z","direction":"desc","count":0}"#
        )
        #expect(
            ChannelCodec.encode(Self.serverMessages[4])
                == #"{"type":"message","reply-to":"11","channel-id":"c1","message-id":"m-1","sender":"alice@natter.test","time":"2025-11-30T10:20:00Z","text":"hi"}"#
        )
    }

    @Test func clientMessageIsNotAServerMessage() {
        // `kick` is a client message only; a client reading it from the server must not mistake it.
        #expect(throws: ChannelCodecError.unknownType("kick", id: nil, .server)) {
            try ChannelCodec.decodeServerMessage(#"{"type":"kick","channel-id":"c1","recipient":"bob"}"#)
        }
    }
}
