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
