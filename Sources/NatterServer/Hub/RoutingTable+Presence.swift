import Foundation
import NatterModel

/// A user's presence as others see it, aggregated over the user's sessions.
///
/// The rule: the presence set most recently by any of the user's active sessions wins. Presence in Natter is
/// always an explicit choice, so the latest one is what the user means now: `dnd` set in one client is not
/// hidden by another client that announced `available` earlier, and when the session that set the current
/// presence goes away the user falls back to the latest presence among the sessions that remain.
extension RoutingTable {
    struct Appearance: Sendable, Equatable {
        var presence: Presence
        /// The full JID of the session that speaks for the user.
        var jid: JID
        var since: Date?
        var status: String? = nil
    }

    /// Everything others see of one user: compared before and after a mutation to decide what to send.
    struct Visibility: Sendable, Equatable {
        /// `nil` while none of the user's active sessions has set a presence: watchers see them offline.
        var watchers: Appearance?
        /// The rooms at least one active session joined. A joined session without a presence of its own
        /// counts as `available`, as in the seed, which announces joiners before they set a presence.
        var rooms: [String: Appearance]
    }

    /// The aggregate presence of a user as a roster shows it.
    func presence(of user: String) -> Presence {
        visibility(of: user).watchers?.presence ?? .unavailable
    }

    /// The status text that goes with `presence(of:)`; none while the user is offline.
    func status(of user: String) -> String? {
        visibility(of: user).watchers?.status
    }

    func visibility(of user: String) -> Visibility {
        // Latest presence first; sessions that never set one last, oldest connection first among them.
        let ordered = activeSessions(of: user).sorted {
            $0.presenceOrder != $1.presenceOrder ? $0.presenceOrder > $1.presenceOrder : $0.id < $1.id
        }
        let speaker = ordered.first { $0.presence != nil }
        let watchers = speaker.flatMap { session in
            session.presence.map {
                Appearance(presence: $0, jid: session.jid, since: session.presenceSince, status: session.status)
            }
        }
        var rooms: [String: Appearance] = [:]
        for session in ordered {
            for room in session.rooms where rooms[room] == nil {
                rooms[room] = Appearance(
                    presence: watchers?.presence ?? .available, jid: session.jid, since: watchers?.since,
                    status: watchers?.status)
            }
        }
        return Visibility(watchers: watchers, rooms: rooms)
    }

    /// The events that tell watchers and rooms how `user` changed since `before`. `except` (the session that
    /// caused the change) is left out of room broadcasts: it already knows.
    func changes(
        of user: String, since before: Visibility, watchers: [String], except: HubSessionID
    ) -> [HubDelivery] {
        let after = visibility(of: user)
        var deliveries: [HubDelivery] = []
        let was = before.watchers?.presence ?? .unavailable
        let now = after.watchers?.presence ?? .unavailable
        let status = after.watchers?.status
        if was != now || before.watchers?.status != status, let from = (after.watchers ?? before.watchers)?.jid {
            deliveries += tellWatchers(watchers, from: from, presence: now, status: status)
        }
        for room in Set(before.rooms.keys).union(after.rooms.keys).sorted() {
            let old = before.rooms[room]
            let new = after.rooms[room]
            guard old?.presence != new?.presence || old?.status != new?.status, let from = (new ?? old)?.jid else {
                continue
            }
            let event = presenceEvent(
                from: from, as: new?.presence ?? .unavailable, to: bareJID(room), status: new?.status)
            deliveries += broadcast(event, inRoom: room, except: except)
        }
        return deliveries
    }

    /// One event per contact: its aggregate presence from the session that set it, or `unavailable` from the
    /// bare JID dated by when the contact was last seen.
    func snapshot(of contacts: [String], for session: Session, lastActive: [String: Date]) -> [HubDelivery] {
        let to = session.jid.bare
        return contacts.map { contact in
            let event: PresenceEvent
            if let appearance = visibility(of: contact).watchers {
                event = PresenceEvent(
                    from: appearance.jid, to: to, presence: appearance.presence, since: appearance.since,
                    status: appearance.status)
            } else {
                event = PresenceEvent(
                    from: bareJID(contact), to: to, presence: .unavailable,
                    since: lastSeen[contact] ?? lastActive[contact])
            }
            return HubDelivery(target: session.id, event: .presence(event))
        }
    }

    private func tellWatchers(
        _ watchers: [String], from: JID, presence: Presence, status: String?
    ) -> [HubDelivery] {
        watchers.flatMap { watcher in
            activeSessions(of: watcher).map { target in
                HubDelivery(
                    target: target.id,
                    event: presenceEvent(from: from, as: presence, to: target.jid.bare, status: status))
            }
        }
    }
}
