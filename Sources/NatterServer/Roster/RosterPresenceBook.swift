import NatterCodecs
import NatterModel
import Synchronization

/// What each user last set through IMSetPresence: the per-language statuses and the `show` the core's
/// five-state presence cannot carry. Presence events from the core are decorated with them for Zimbra
/// watchers, as long as the core's state still matches (a Realtime client may have changed it since).
final class RosterPresenceBook: Sendable {
    private let entries = Mutex<[String: [IMPresence]]>([:])

    func set(_ presences: [IMPresence], for user: String) {
        entries.withLock { $0[user.lowercased()] = presences }
    }

    func presences(of user: String) -> [IMPresence] {
        entries.withLock { $0[user.lowercased()] ?? [] }
    }

    /// The presence notifications for `user` now being `presence` in the core: one per language the user
    /// set through this door when that still describes the core's state, else one plain one.
    func notifications(from user: String, address: String, presence: Presence) -> [IMNotification] {
        let own = presences(of: user).filter { IMShow.presence(of: $0.show) == presence }
        if own.isEmpty {
            return [.presence(from: address, IMPresence(show: IMShow.show(for: presence)))]
        }
        return own.map { .presence(from: address, $0) }
    }
}
