/// `channel-directory`: the members of one channel.
public struct ChannelDirectory: Sendable, Equatable {
    public var replyTo: String?
    public var channelID: String
    public var subscribers: [ChannelSubscriber]

    public init(replyTo: String? = nil, channelID: String, subscribers: [ChannelSubscriber]) {
        self.replyTo = replyTo
        self.channelID = channelID
        self.subscribers = subscribers
    }
}
