/// One member of a channel as `channel-directory` and `member-status` describe it.
public struct ChannelSubscriber: Sendable, Equatable {
    public var subscriber: String
    public var administrator: Bool
    /// `invisible` members are reported as `invisible` to others, which a client shows as offline.
    public var availability: ChannelAvailability
    public var status: String?

    public init(
        subscriber: String, administrator: Bool, availability: ChannelAvailability, status: String? = nil
    ) {
        self.subscriber = subscriber
        self.administrator = administrator
        self.availability = availability
        self.status = status
    }
}
