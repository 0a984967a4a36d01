import NatterCodecs
import Synchronization

/// Subscription state asked and answered through this door, kept in memory (for the subscribers, which
/// must not wait) over the door's `rosterSubscription` table.
///
/// A row `(owner, contact)` says whether `owner` may see `contact`'s presence (`granted`) and whether
/// `owner`'s request is still waiting (`asking`). A pair this door never touched has no row: a contact
/// listed through another door (the contact store, the demo seed) counts as granted both ways, since those
/// doors list without asking.
final class RosterSubscriptionBook: Sendable {
    struct Entry: Sendable, Hashable {
        var granted: Bool
        var asking: Bool
    }

    struct Key: Sendable, Hashable {
        var owner: String
        var contact: String

        init(_ owner: String, _ contact: String) {
            self.owner = owner.lowercased()
            self.contact = contact.lowercased()
        }
    }

    private struct State: Sendable {
        var loaded = false
        var entries: [Key: Entry] = [:]
    }

    private let state = Mutex(State())

    var isLoaded: Bool { state.withLock { $0.loaded } }

    func load(_ rows: [(owner: String, contact: String, entry: Entry)]) {
        state.withLock { state in
            guard !state.loaded else { return }
            state.loaded = true
            for row in rows { state.entries[Key(row.owner, row.contact)] = row.entry }
        }
    }

    func entry(_ owner: String, _ contact: String) -> Entry? {
        state.withLock { $0.entries[Key(owner, contact)] }
    }

    func set(_ entry: Entry?, _ owner: String, _ contact: String) {
        state.withLock { $0.entries[Key(owner, contact)] = entry }
    }

    /// Whether `watcher` may see `user`'s presence.
    func sees(_ watcher: String, _ user: String) -> Bool {
        entry(watcher, user)?.granted ?? true
    }

    /// Who asked `user` and waits for an answer.
    func askers(of user: String) -> [String] {
        let me = user.lowercased()
        return state.withLock { state in
            state.entries.filter { $0.key.contact == me && $0.value.asking }.map(\.key.owner).sorted()
        }
    }

    /// The seed's `subscription` and `ask` of `contact` on `owner`'s list.
    func state(of contact: String, for owner: String) -> (IMRosterItem.Subscription, IMRosterItem.Ask?) {
        let to = sees(owner, contact)
        let from = sees(contact, owner)
        let subscription: IMRosterItem.Subscription =
            switch (to, from) {
            case (true, true): .both
            case (true, false): .to
            case (false, true): .from
            case (false, false): .none
            }
        return (subscription, entry(owner, contact)?.asking == true ? .subscribe : nil)
    }
}
