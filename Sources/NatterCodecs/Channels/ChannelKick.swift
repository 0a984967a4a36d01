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
