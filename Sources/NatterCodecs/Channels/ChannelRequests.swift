import NatterWire

/// `announce`: publishes the sender's availability and a free-text status.
public struct ChannelAnnounce: Sendable, Equatable {
    public var id: String?
    public var status: String?
    public var availability: ChannelAvailability
    /// Metadata to set on the subscriber; kept verbatim.
    public var attributes: [String: JSONValue]?

    public init(
        id: String? = nil, status: String? = nil, availability: ChannelAvailability,
        attributes: [String: JSONValue]? = nil
    ) {
        self.id = id
        self.status = status
        self.availability = availability
        self.attributes = attributes
    }
}

/// `create-channel`: a new channel, or with a non-empty `inviteToken` naming an existing one, a join.
public struct ChannelCreate: Sendable, Equatable {
    public var id: String?
    public var name: String
    public var inviteToken: String?
    public var attributes: [String: JSONValue]?

    public init(id: String? = nil, name: String, inviteToken: String? = nil, attributes: [String: JSONValue]? = nil) {
        self.id = id
        self.name = name
        self.inviteToken = inviteToken
        self.attributes = attributes
    }
}

/// `update-channel`: administrators only. Absent fields keep their value.
public struct ChannelUpdate: Sendable, Equatable {
    public var id: String?
    public var channelID: String
    public var name: String?
    public var attributes: [String: JSONValue]?

    public init(id: String? = nil, channelID: String, name: String? = nil, attributes: [String: JSONValue]? = nil) {
        self.id = id
        self.channelID = channelID
        self.name = name
        self.attributes = attributes
    }
}

/// `invite`: administrators only.
public struct ChannelInvite: Sendable, Equatable {
    public var id: String?
    public var channelID: String
    public var recipient: String
    /// Whether the recipient becomes an administrator; absent on the wire means `false`.
    public var administrator: Bool

    public init(id: String? = nil, channelID: String, recipient: String, administrator: Bool = false) {
        self.id = id
        self.channelID = channelID
        self.recipient = recipient
        self.administrator = administrator
    }
}

/// `kick`: removes a member (administrators only), or with the sender's own address, leaves.
public struct ChannelKick: Sendable, Equatable {
    public var id: String?
    public var channelID: String
    public var recipient: String

    public init(id: String? = nil, channelID: String, recipient: String) {
        self.id = id
        self.channelID = channelID
        self.recipient = recipient
    }
}

/// `message-status`: the client displayed (`displayed`) or fully showed (`read`) a message.
public struct ChannelMessageStatus: Sendable, Equatable {
    public var id: String?
    public var channelID: String
    public var messageID: String
    /// Only `displayed` and `read`; the decoder refuses the others.
    public var status: ChannelDeliveryStatus

    public init(id: String? = nil, channelID: String, messageID: String, status: ChannelDeliveryStatus) {
        self.id = id
        self.channelID = channelID
        self.messageID = messageID
        self.status = status
    }
}
