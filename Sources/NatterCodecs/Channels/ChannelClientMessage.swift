/// A message a client sends on the Cloudonix API.Messaging WebSocket (seed 003).
///
/// Every client message may carry an `id` (a string or a number); the server's `ack` echoes it as `reply-to`.
/// Recipients stay strings: a bare `bob` resolves within the server's domain, which only the server knows.
public enum ChannelClientMessage: Sendable, Equatable {
    case announce(ChannelAnnounce)
    case unannounce(id: String?)
    case createChannel(ChannelCreate)
    case updateChannel(ChannelUpdate)
    case reinviteChannels(id: String?)
    case listChannels(id: String?)
    case listSubscribers(id: String?, channelID: String)
    case invite(ChannelInvite)
    /// Removes `recipient`; kicking yourself leaves the channel.
    case kick(ChannelKick)
    case message(ChannelMessage)
    case messageStatus(ChannelMessageStatus)
    case retrieve(ChannelRetrieve)

    /// The `type` field on the wire.
    public var type: String {
        switch self {
        case .announce: "announce"
        case .unannounce: "unannounce"
        case .createChannel: "create-channel"
        case .updateChannel: "update-channel"
        case .reinviteChannels: "reinvite-channels"
        case .listChannels: "list-channels"
        case .listSubscribers: "list-subscribers"
        case .invite: "invite"
        case .kick: "kick"
        case .message: "message"
        case .messageStatus: "message-status"
        case .retrieve: "retrieve"
        }
    }

    /// The client-chosen `id` that the ack echoes.
    public var id: String? {
        switch self {
        case .announce(let announce): announce.id
        case .unannounce(let id), .reinviteChannels(let id), .listChannels(let id), .listSubscribers(let id, _): id
        case .createChannel(let create): create.id
        case .updateChannel(let update): update.id
        case .invite(let invite): invite.id
        case .kick(let kick): kick.id
        case .message(let message): message.id
        case .messageStatus(let status): status.id
        case .retrieve(let retrieve): retrieve.id
        }
    }
}
