import Foundation
import NatterWire

/// Pure translation between Channels frames (JSON text) and messages, in both directions; no I/O.
///
/// A server decodes ``ChannelClientMessage``s and encodes ``ChannelServerMessage``s; a client does the reverse.
public enum ChannelCodec {
    /// Frames above this size are refused before parsing; no message of the protocol comes near it.
    public static let defaultMaximumFrameSize = 64 * 1024

    /// Reads a client message, as a server does.
    public static func decodeClientMessage(
        _ data: Data, maximumFrameSize: Int = defaultMaximumFrameSize
    ) throws(ChannelCodecError) -> ChannelClientMessage {
        let (type, fields) = try envelope(data, sender: .client, maximumFrameSize: maximumFrameSize)
        return try clientMessage(type: type, fields)
    }

    public static func decodeClientMessage(
        _ text: String, maximumFrameSize: Int = defaultMaximumFrameSize
    ) throws(ChannelCodecError) -> ChannelClientMessage {
        try decodeClientMessage(Data(text.utf8), maximumFrameSize: maximumFrameSize)
    }

    /// Reads a server message, as a client does.
    public static func decodeServerMessage(
        _ data: Data, maximumFrameSize: Int = defaultMaximumFrameSize
    ) throws(ChannelCodecError) -> ChannelServerMessage {
        let (type, fields) = try envelope(data, sender: .server, maximumFrameSize: maximumFrameSize)
        return try serverMessage(type: type, fields)
    }

    public static func decodeServerMessage(
        _ text: String, maximumFrameSize: Int = defaultMaximumFrameSize
    ) throws(ChannelCodecError) -> ChannelServerMessage {
        try decodeServerMessage(Data(text.utf8), maximumFrameSize: maximumFrameSize)
    }

    /// The parsed object and its `type`, refusing an oversized frame before the JSON parser sees it.
    private static func envelope(
        _ data: Data, sender: ChannelCodecError.Sender, maximumFrameSize: Int
    ) throws(ChannelCodecError) -> (String, Fields) {
        guard data.count <= maximumFrameSize else {
            throw .frameTooLarge(size: data.count, limit: maximumFrameSize, sender: sender)
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .malformedJSON(sender)
        }
        guard case .object(let object) = value else { throw .notAnObject(sender) }
        let fields = try Fields(object, sender: sender)
        guard let typeValue = object["type"] else { throw .missingType(id: fields.id, sender) }
        guard case .string(let type) = typeValue else { throw fields.invalid("type") }
        return (type, fields)
    }

    private static func clientMessage(
        type: String, _ fields: Fields
    ) throws(ChannelCodecError)
        -> ChannelClientMessage
    {
        let id = fields.id
        switch type {
        case "announce":
            return .announce(
                ChannelAnnounce(
                    id: id, status: try fields.optionalString("status"),
                    availability: try fields.enumeration("availability", as: ChannelAvailability.self),
                    attributes: try fields.optionalObject("attributes")))
        case "unannounce": return .unannounce(id: id)
        case "create-channel":
            return .createChannel(
                ChannelCreate(
                    id: id, name: try fields.string("name"), inviteToken: try fields.optionalString("invite-token"),
                    attributes: try fields.optionalObject("attributes")))
        case "update-channel":
            return .updateChannel(
                ChannelUpdate(
                    id: id, channelID: try fields.string("channel-id"), name: try fields.optionalString("name"),
                    attributes: try fields.optionalObject("attributes")))
        case "reinvite-channels": return .reinviteChannels(id: id)
        case "list-channels": return .listChannels(id: id)
        case "list-subscribers": return .listSubscribers(id: id, channelID: try fields.string("channel-id"))
        case "invite":
            return .invite(
                ChannelInvite(
                    id: id, channelID: try fields.string("channel-id"), recipient: try fields.string("recipient"),
                    administrator: try fields.optionalBool("administrator") ?? false))
        case "kick":
            return .kick(
                ChannelKick(
                    id: id, channelID: try fields.string("channel-id"), recipient: try fields.string("recipient")))
        case "message": return .message(try message(fields))
        case "message-status":
            let status = try fields.enumeration("status", as: ChannelDeliveryStatus.self)
            guard status.isReportable else { throw fields.invalid("status") }
            return .messageStatus(
                ChannelMessageStatus(
                    id: id, channelID: try fields.string("channel-id"), messageID: try fields.string("message-id"),
                    status: status))
        case "retrieve":
            let count = try fields.int("count")
            guard count >= 1 else { throw fields.invalid("count") }
            return .retrieve(
                ChannelRetrieve(
                    id: id, channelID: try fields.string("channel-id"), time: try fields.time("time"),
                    direction: try fields.enumeration("direction", as: ChannelRetrieveDirection.self), count: count,
                    after: try fields.optionalString("after")))
        default: throw .unknownType(type, id: id, fields.sender)
        }
    }

    static func message(_ fields: Fields) throws(ChannelCodecError) -> ChannelMessage {
        ChannelMessage(
            id: fields.id, channelID: try fields.string("channel-id"), messageID: try fields.string("message-id"),
            text: try fields.string("text"), attributes: try fields.optionalObject("attributes"),
            sender: try fields.optionalString("sender"), time: try fields.optionalTime("time"),
            replyTo: try fields.optionalID("reply-to"))
    }
}
