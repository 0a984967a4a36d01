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

    /// The core's presence for a Zimbra `show`, as documented in docs/protocols/roster.md.
    static func corePresence(_ show: IMShow?) -> Presence {
        switch show {
        case nil, .online, .chat: .available
        case .away: .away
        case .xa: .xa
        case .dnd: .dnd
        case .offline: .unavailable
        }
    }

    /// The Zimbra `show` for the core's presence: `available` is Zimbra's online, written as no `show`.
    static func show(_ presence: Presence) -> IMShow? {
        switch presence {
        case .available: nil
        case .away: .away
        case .xa: .xa
        case .dnd: .dnd
        case .unavailable: .offline
        }
    }

    /// The presence notifications for `user` now being `presence` in the core: one per language the user
    /// set through this door when that still describes the core's state, else one plain one.
    func notifications(from user: String, address: String, presence: Presence) -> [IMNotification] {
        let own = presences(of: user).filter { RosterPresenceBook.corePresence($0.show) == presence }
        if own.isEmpty {
            return [.presence(from: address, IMPresence(show: RosterPresenceBook.show(presence)))]
        }
        return own.map { .presence(from: address, $0) }
    }
}
