import NatterWire

extension ChannelCodec {
    /// Compact JSON with `type` first and a fixed field order after it; absent optionals are omitted.
    public static func encode(_ message: ChannelClientMessage) -> String {
        write([("type", .string(message.type))] + members(of: message))
    }

    /// Compact JSON with `type` first and a fixed field order after it; absent optionals are omitted.
    public static func encode(_ message: ChannelServerMessage) -> String {
        write([("type", .string(message.type))] + members(of: message))
    }

    private typealias Member = (key: String, value: JSONValue)?

    private static func write(_ members: [Member]) -> String {
        var output = ""
        JSONValue.writeObject(members.compactMap { $0 }, to: &output)
        return output
    }

    private static func members(of message: ChannelClientMessage) -> [Member] {
        let id = string("id", message.id)
        switch message {
        case .announce(let announce):
            return [
                id, string("status", announce.status), string("availability", announce.availability.rawValue),
                object("attributes", announce.attributes),
            ]
        case .unannounce, .reinviteChannels, .listChannels:
            return [id]
        case .createChannel(let create):
            return [
                id, string("name", create.name), string("invite-token", create.inviteToken),
                object("attributes", create.attributes),
            ]
        case .updateChannel(let update):
            return [
                id, string("channel-id", update.channelID), string("name", update.name),
                object("attributes", update.attributes),
            ]
        case .listSubscribers(_, let channelID):
            return [id, string("channel-id", channelID)]
        case .invite(let invite):
            return [
                id, string("channel-id", invite.channelID), string("recipient", invite.recipient),
                ("administrator", .bool(invite.administrator)),
            ]
        case .kick(let kick):
            return [id, string("channel-id", kick.channelID), string("recipient", kick.recipient)]
        case .message(let message):
            return messageMembers(message)
        case .messageStatus(let status):
            return [
                id, string("channel-id", status.channelID), string("message-id", status.messageID),
                string("status", status.status.rawValue),
            ]
        case .retrieve(let retrieve):
            return [
                id, string("channel-id", retrieve.channelID), string("time", ChannelTime.format(retrieve.time)),
                string("direction", retrieve.direction.rawValue), ("count", .integer(retrieve.count)),
                string("after", retrieve.after),
            ]
        }
    }

    private static func members(of message: ChannelServerMessage) -> [Member] {
        switch message {
        case .ack(let ack):
            return [
                string("id", ack.id), string("reply-to", ack.replyTo), ("status", .bool(ack.status)),
                string("reason", ack.reason),
            ]
        case .delivery(let delivery):
            return [
                string("channel-id", delivery.channelID), string("message-id", delivery.messageID),
                string("status", delivery.status.rawValue), string("subscriber", delivery.subscriber),
            ]
        case .invitation(let invitation):
            return [
                string("channel-id", invitation.channelID), string("name", invitation.name),
                ("administrator", .bool(invitation.administrator)), string("invite-token", invitation.inviteToken),
                string("sender", invitation.sender), object("attributes", invitation.attributes),
            ]
        case .message(let message):
            return messageMembers(message)
        case .channelList(let list):
            let channels = list.channels.map { entry -> JSONValue in
                .object([
                    "channel-id": .string(entry.channelID), "name": .string(entry.name),
                    "administrator": .bool(entry.administrator),
                ])
            }
            return [string("reply-to", list.replyTo), ("channels", .array(channels))]
        case .channelDirectory(let directory):
            return [
                string("reply-to", directory.replyTo), string("channel-id", directory.channelID),
                ("subscribers", .array(directory.subscribers.map(subscriberObject))),
            ]
        case .unsubscription(let unsubscription):
            return [
                string("channel-id", unsubscription.channelID), string("subscriber", unsubscription.subscriber),
                string("kicked-by", unsubscription.kickedBy),
            ]
        case .memberStatus(let status):
            return [string("channel-id", status.channelID)] + subscriberMembers(status.member)
        case .archiveRetrieval(let retrieval):
            return [
                string("reply-to", retrieval.replyTo), string("channel-id", retrieval.channelID),
                string("time", ChannelTime.format(retrieval.time)), string("direction", retrieval.direction.rawValue),
                ("count", .integer(retrieval.count)),
            ]
        }
    }

    private static func messageMembers(_ message: ChannelMessage) -> [Member] {
        [
            string("id", message.id), string("reply-to", message.replyTo), string("channel-id", message.channelID),
            string("message-id", message.messageID), string("sender", message.sender),
            message.time.map { ("time", .string(ChannelTime.format($0))) }, string("text", message.text),
            object("attributes", message.attributes),
        ]
    }

    private static func subscriberMembers(_ subscriber: ChannelSubscriber) -> [Member] {
        [
            string("subscriber", subscriber.subscriber), ("administrator", .bool(subscriber.administrator)),
            string("availability", subscriber.availability.rawValue), string("status", subscriber.status),
        ]
    }

    /// Inside an array, key order is `JSONValue`'s sorted order; that is stable, which is all tests need.
    private static func subscriberObject(_ subscriber: ChannelSubscriber) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for case (let key, let value)? in subscriberMembers(subscriber) { object[key] = value }
        return .object(object)
    }

    private static func string(_ key: String, _ value: String?) -> Member {
        value.map { (key, .string($0)) }
    }

    private static func object(_ key: String, _ value: [String: JSONValue]?) -> Member {
        value.map { (key, .object($0)) }
    }
}
