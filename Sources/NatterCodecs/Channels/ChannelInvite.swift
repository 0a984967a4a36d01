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
