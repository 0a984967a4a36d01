/// How far a channel message has got: `stored` by the server, `received` by a member's client, `displayed` in a
/// notification, `read` in full.
public enum ChannelDeliveryStatus: String, Sendable, Hashable, CaseIterable {
    case stored
    case received
    case displayed
    case read

    /// Whether a client may report this status in `message-status`; the other two are the server's to say.
    public var isReportable: Bool { self == .displayed || self == .read }
}
