import NatterModel

/// The roster in display order, recomputed only when the contacts themselves change.
///
/// `ClientState.revision` moves on every typing notification and tick; re-sorting 10k contacts each time would
/// make a busy chat sluggish. Comparing the contacts dictionary is O(1) while it is the same storage, so most
/// renders skip the sort entirely; when it did change, sorting uses precomputed lowercase keys rather than a
/// locale-aware comparison per pair.
struct RosterCache: Sendable {
    private(set) var contacts: [JID: Contact] = [:]
    private(set) var sorted: [Contact] = []
    private(set) var position: [JID: Int] = [:]
    private(set) var onlineCount = 0
    private(set) var revision: UInt64?
    /// How often the sort actually ran, for tests that guard the caching.
    private(set) var sortCount = 0

    mutating func update(contacts current: [JID: Contact], revision: UInt64) {
        if self.revision == revision { return }
        self.revision = revision
        if sortCount > 0 && current == contacts { return }
        contacts = current
        let keyed = current.values.map { contact in
            (
                contact: contact, rank: contact.presence.sortRank,
                name: TextSanitizer.line(contact.displayName).lowercased()
            )
        }
        sorted = keyed.sorted { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            return lhs.contact.jid < rhs.contact.jid
        }.map(\.contact)
        position = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.jid, $0) })
        onlineCount = sorted.reduce(0) { $0 + ($1.presence.isOnline ? 1 : 0) }
        sortCount += 1
    }
}
