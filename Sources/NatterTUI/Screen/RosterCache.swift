import NatterModel

/// The roster in display order, maintained incrementally as contacts change.
///
/// `ClientState.revision` moves on every typing notification and tick, and on a big roster presence changes
/// arrive in storms; re-sorting 10k contacts per frame made a busy roster cost ~50 ms a frame. Unchanged
/// storage is detected in O(1); otherwise only the contacts that changed are taken out and binary-inserted
/// again, with their sort keys (sanitised, lowercased names) computed once per change rather than per comparison.
struct RosterCache: Sendable {
    private(set) var contacts: [JID: Contact] = [:]
    private(set) var sorted: [Contact] = []
    private(set) var position: [JID: Int] = [:]
    private(set) var onlineCount = 0
    private(set) var revision: UInt64?
    /// Bumped whenever the order or contents changed; dependants (the filter) key their caches by it.
    private(set) var sortCount = 0
    /// How often everything was sorted from scratch, for tests that guard the incremental path.
    private(set) var fullSorts = 0
    private var keys: [JID: SortKey] = [:]
    /// How many contacts show each (normalised) name: where two accounts both have a "Bob", the address says which.
    private var nameCounts: [String: Int] = [:]
    /// How many names more than one contact shows: usually none, and then the rows drawn each frame skip both
    /// lookups.
    private var sharedNames = 0

    func isNameShared(_ jid: JID) -> Bool {
        guard sharedNames > 0 else { return false }
        return keys[jid].map { (nameCounts[$0.name] ?? 0) > 1 } ?? false
    }

    private struct SortKey: Sendable, Comparable {
        var rank: Int
        var name: String
        var jid: JID

        init(_ contact: Contact) {
            rank = contact.presence.sortRank
            name = TextSanitizer.line(contact.displayName).lowercased()
            jid = contact.jid
        }

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            return lhs.jid < rhs.jid
        }
    }

    mutating func update(contacts current: [JID: Contact], revision: UInt64) {
        if self.revision == revision { return }
        self.revision = revision
        if sortCount > 0 && current == contacts { return }
        var changed: [Contact] = []
        var removed: Set<JID> = []
        if sortCount > 0 {
            for (jid, contact) in current where contacts[jid] != contact { changed.append(contact) }
            for jid in contacts.keys where current[jid] == nil { removed.insert(jid) }
        }
        // Past an eighth of the roster, one sort beats many shifting inserts.
        if sortCount == 0 || (changed.count + removed.count) * 8 > max(current.count, 1) {
            sortFromScratch(current)
        } else {
            patch(changed: changed, removed: removed)
        }
        contacts = current
        position = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.jid, $0) })
        onlineCount = sorted.reduce(0) { $0 + ($1.presence.isOnline ? 1 : 0) }
        sortCount += 1
    }

    private mutating func sortFromScratch(_ current: [JID: Contact]) {
        keys = current.mapValues(SortKey.init)
        nameCounts = keys.values.reduce(into: [:]) { counts, key in counts[key.name, default: 0] += 1 }
        sharedNames = nameCounts.values.reduce(0) { $0 + ($1 > 1 ? 1 : 0) }
        sorted = current.values.sorted { keys[$0.jid]! < keys[$1.jid]! }
        fullSorts += 1
    }

    private mutating func patch(changed: [Contact], removed: Set<JID>) {
        let leaving = removed.union(changed.map(\.jid))
        sorted.removeAll { leaving.contains($0.jid) }
        for jid in leaving { if let old = keys[jid] { count(old.name, by: -1) } }
        for jid in removed { keys[jid] = nil }
        for contact in changed {
            let key = SortKey(contact)
            keys[contact.jid] = key
            count(key.name, by: 1)
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if keys[sorted[middle].jid]! < key { low = middle + 1 } else { high = middle }
            }
            sorted.insert(contact, at: low)
        }
    }

    private mutating func count(_ name: String, by delta: Int) {
        let before = nameCounts[name, default: 0]
        nameCounts[name] = before + delta
        sharedNames += (before + delta > 1 ? 1 : 0) - (before > 1 ? 1 : 0)
    }
}
