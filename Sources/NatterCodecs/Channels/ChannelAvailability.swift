/// A subscriber's availability, as `announce` publishes it. Until a client announces, it is `invisible`.
public enum ChannelAvailability: String, Sendable, Hashable, CaseIterable {
    /// Online, but shown as offline to everyone else.
    case invisible
    case available
    /// Do not disturb: notifications silenced, calls rejected.
    case dnd
    /// Notifications diminished, calls rejected.
    case busy
}

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

/// Which way `retrieve` pages from its `time`: `asc` towards the future, `desc` towards the past.
public enum ChannelRetrieveDirection: String, Sendable, Hashable, CaseIterable {
    case ascending = "asc"
    case descending = "desc"
}
