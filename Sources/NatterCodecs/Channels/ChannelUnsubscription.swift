/// `unsubscription`: `subscriber` is no longer a member; `kickedBy` is absent when they left on their own.
public struct ChannelUnsubscription: Sendable, Equatable {
    public var channelID: String
    public var subscriber: String
    public var kickedBy: String?

    public init(channelID: String, subscriber: String, kickedBy: String? = nil) {
        self.channelID = channelID
        self.subscriber = subscriber
        self.kickedBy = kickedBy
    }
}
