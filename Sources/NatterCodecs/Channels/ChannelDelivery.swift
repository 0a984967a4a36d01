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
