/// `channel-list`: every channel the recipient belongs to, with its administrator flag.
public struct ChannelList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var channelID: String
        public var name: String
        public var administrator: Bool

        public init(channelID: String, name: String, administrator: Bool) {
            self.channelID = channelID
            self.name = name
            self.administrator = administrator
        }
    }

    public var replyTo: String?
    public var channels: [Entry]

    public init(replyTo: String? = nil, channels: [Entry]) {
        self.replyTo = replyTo
        self.channels = channels
    }
}
