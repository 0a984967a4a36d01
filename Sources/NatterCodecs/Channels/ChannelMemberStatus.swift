/// `member-status`: the current role and availability of one member, sent to the whole channel.
public struct ChannelMemberStatus: Sendable, Equatable {
    public var channelID: String
    public var member: ChannelSubscriber

    public init(channelID: String, member: ChannelSubscriber) {
        self.channelID = channelID
        self.member = member
    }
}
