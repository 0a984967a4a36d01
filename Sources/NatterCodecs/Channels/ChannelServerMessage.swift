import NatterWire

/// A message the server sends on the Cloudonix API.Messaging WebSocket.
///
/// `ack`, `delivery`, `invitation` and `message` are the seed's; the others are Natter's design in the seed's
/// style (kebab-case `type`, `reply-to` echoing the request's `id`), documented in `docs/protocols/channels.md`.
public enum ChannelServerMessage: Sendable, Equatable {
    case ack(ChannelAck)
    case delivery(ChannelDelivery)
    case invitation(ChannelInvitation)
    case message(ChannelMessage)
    /// `channel-list`: the answer to `list-channels`.
    case channelList(ChannelList)
    /// `channel-directory`: the answer to `list-subscribers`.
    case channelDirectory(ChannelDirectory)
    /// `unsubscription`: a member left or was kicked; sent to the remaining members and to the one who left.
    case unsubscription(ChannelUnsubscription)
    /// `member-status`: a member's role or availability changed (for example a promotion to administrator).
    case memberStatus(ChannelMemberStatus)
    /// `archive-retrieval`: heads the `message`s that answer a `retrieve`.
    case archiveRetrieval(ChannelArchiveRetrieval)

    /// The `type` field on the wire.
    public var type: String {
        switch self {
        case .ack: "ack"
        case .delivery: "delivery"
        case .invitation: "invitation"
        case .message: "message"
        case .channelList: "channel-list"
        case .channelDirectory: "channel-directory"
        case .unsubscription: "unsubscription"
        case .memberStatus: "member-status"
        case .archiveRetrieval: "archive-retrieval"
        }
    }
}

/// `ack`: one per client message, in order. `reply-to` echoes the client message's `id`; `id` is the server's
/// identifier for what the request made, when it made something (the channel of a `create-channel`).
public struct ChannelAck: Sendable, Equatable {
    public var id: String?
    public var replyTo: String?
    public var status: Bool
    /// Why `status` is false, for the user; Natter's addition.
    public var reason: String?

    public init(id: String? = nil, replyTo: String?, status: Bool, reason: String? = nil) {
        self.id = id
        self.replyTo = replyTo
        self.status = status
        self.reason = reason
    }
}

/// `delivery`: a receipt for a message the recipient sent.
public struct ChannelDelivery: Sendable, Equatable {
    public var messageID: String
    public var status: ChannelDeliveryStatus
    /// The channel of the message; Natter's addition, so a client need not look the message up.
    public var channelID: String?
    /// Who received, displayed or read it; absent for `stored`.
    public var subscriber: String?

    public init(
        messageID: String, status: ChannelDeliveryStatus, channelID: String? = nil, subscriber: String? = nil
    ) {
        self.messageID = messageID
        self.status = status
        self.channelID = channelID
        self.subscriber = subscriber
    }
}

/// `invitation`: the recipient is (now) a member of the channel; also sent again after every update.
public struct ChannelInvitation: Sendable, Equatable {
    public var channelID: String
    public var name: String
    public var attributes: [String: JSONValue]?
    /// Whether the recipient administers the channel.
    public var administrator: Bool
    public var inviteToken: String?
    /// Who invited; absent when the recipient created or joined the channel.
    public var sender: String?

    public init(
        channelID: String, name: String, attributes: [String: JSONValue]? = nil, administrator: Bool = false,
        inviteToken: String? = nil, sender: String? = nil
    ) {
        self.channelID = channelID
        self.name = name
        self.attributes = attributes
        self.administrator = administrator
        self.inviteToken = inviteToken
        self.sender = sender
    }
}
