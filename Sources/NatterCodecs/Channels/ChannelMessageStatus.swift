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
