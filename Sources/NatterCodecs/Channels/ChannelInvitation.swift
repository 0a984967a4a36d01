import NatterWire

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
