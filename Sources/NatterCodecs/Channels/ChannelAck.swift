/// `ack`: one per client message, in order. `reply-to` echoes the client message's `id`; `id` is the server's
/// identifier for what the request made, when it made something (the channel of a `create-channel`).
public struct ChannelAck: Sendable, Equatable {
    public var id: String?
    public var replyTo: String?
    public var status: Bool
    /// Why `status` is false, for the user; Natter's addition.
    public var reason: String?

    public init(id: String? = nil, replyTo: String?, status: Bool, reason: String? = nil) {
        self.id = id
        self.replyTo = replyTo
        self.status = status
        self.reason = reason
    }
}
