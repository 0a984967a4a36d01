extension ChannelCodec {
    static func serverMessage(type: String, _ fields: Fields) throws(ChannelCodecError) -> ChannelServerMessage {
        switch type {
        case "ack":
            return .ack(
                ChannelAck(
                    id: fields.id, replyTo: try fields.optionalID("reply-to"), status: try fields.bool("status"),
                    reason: try fields.optionalString("reason")))
        case "delivery":
            return .delivery(
                ChannelDelivery(
                    messageID: try fields.string("message-id"),
                    status: try fields.enumeration("status", as: ChannelDeliveryStatus.self),
                    channelID: try fields.optionalString("channel-id"),
                    subscriber: try fields.optionalString("subscriber")))
        case "invitation":
            return .invitation(
                ChannelInvitation(
                    channelID: try fields.string("channel-id"), name: try fields.string("name"),
                    attributes: try fields.optionalObject("attributes"),
                    administrator: try fields.optionalBool("administrator") ?? false,
                    inviteToken: try fields.optionalString("invite-token"),
                    sender: try fields.optionalString("sender")))
        case "message": return .message(try message(fields))
        case "channel-list":
            var entries: [ChannelList.Entry] = []
            for entry in try fields.objects("channels") {
                entries.append(
                    ChannelList.Entry(
                        channelID: try entry.string("channel-id"), name: try entry.string("name"),
                        administrator: try entry.bool("administrator")))
            }
            return .channelList(ChannelList(replyTo: try fields.optionalID("reply-to"), channels: entries))
        case "channel-directory":
            var subscribers: [ChannelSubscriber] = []
            for entry in try fields.objects("subscribers") {
                subscribers.append(try subscriber(entry))
            }
            return .channelDirectory(
                ChannelDirectory(
                    replyTo: try fields.optionalID("reply-to"), channelID: try fields.string("channel-id"),
                    subscribers: subscribers))
        case "unsubscription":
            return .unsubscription(
                ChannelUnsubscription(
                    channelID: try fields.string("channel-id"), subscriber: try fields.string("subscriber"),
                    kickedBy: try fields.optionalString("kicked-by")))
        case "member-status":
            return .memberStatus(
                ChannelMemberStatus(channelID: try fields.string("channel-id"), member: try subscriber(fields)))
        case "archive-retrieval":
            let count = try fields.int("count")
            guard count >= 0 else { throw fields.invalid("count") }
            return .archiveRetrieval(
                ChannelArchiveRetrieval(
                    replyTo: try fields.optionalID("reply-to"), channelID: try fields.string("channel-id"),
                    time: try fields.time("time"),
                    direction: try fields.enumeration("direction", as: ChannelRetrieveDirection.self), count: count))
        default: throw .unknownType(type, id: fields.id, fields.sender)
        }
    }

    private static func subscriber(_ fields: Fields) throws(ChannelCodecError) -> ChannelSubscriber {
        ChannelSubscriber(
            subscriber: try fields.string("subscriber"), administrator: try fields.bool("administrator"),
            availability: try fields.enumeration("availability", as: ChannelAvailability.self),
            status: try fields.optionalString("status"))
    }
}
