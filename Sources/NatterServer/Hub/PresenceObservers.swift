import NatterModel
import Synchronization

/// Who wants to hear that a user's presence changed, whatever door changed it. The watcher fan-out reaches only a
/// user's contacts; a door whose members are not each other's contacts (Channels) learns changes here instead.
final class PresenceObservers: Sendable {
    /// A user's aggregate presence or status text changed.
    struct Change: Sendable {
        var user: String
        var presence: Presence
        var status: String?
        /// The subscriber of the session whose act changed it, so a door can skip what it already announced itself.
        var cause: (any HubSubscriber)?
    }

    private let observers = Mutex<[@Sendable (Change) -> Void]>([])

    /// `observer` is called on the hub actor: it must not block or wait (hop to a task instead).
    func add(_ observer: @escaping @Sendable (Change) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    func notify(_ change: Change) {
        for observer in observers.withLock({ $0 }) { observer(change) }
    }
}
