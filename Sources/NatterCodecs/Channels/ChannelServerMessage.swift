/// A message the server sends on the Cloudonix API.Messaging WebSocket.
///
/// `ack`, `delivery`, `invitation` and `message` are the seed's; the others are Natter's design in the seed's
/// style (kebab-case `type`, `reply-to` echoing the request's `id`), documented in `docs/protocols/channels.md`.
public enum ChannelServerMessage: Sendable, Equatable {
    case ack(ChannelAck)
    case delivery(ChannelDelivery)
    case invitation(ChannelInvitation)
    case message(ChannelMessage)
    /// `channel-list`: the answer to `list-channels`.
    case channelList(ChannelList)
    /// `channel-directory`: the answer to `list-subscribers`.
    case channelDirectory(ChannelDirectory)
    /// `unsubscription`: a member left or was kicked; sent to the remaining members and to the one who left.
    case unsubscription(ChannelUnsubscription)
    /// `member-status`: a member's role or availability changed (for example a promotion to administrator).
    case memberStatus(ChannelMemberStatus)
    /// `archive-retrieval`: heads the `message`s that answer a `retrieve`.
    case archiveRetrieval(ChannelArchiveRetrieval)

    /// The `type` field on the wire.
    public var type: String {
        switch self {
        case .ack: "ack"
        case .delivery: "delivery"
        case .invitation: "invitation"
        case .message: "message"
        case .channelList: "channel-list"
        case .channelDirectory: "channel-directory"
        case .unsubscription: "unsubscription"
        case .memberStatus: "member-status"
        case .archiveRetrieval: "archive-retrieval"
        }
    }
}
