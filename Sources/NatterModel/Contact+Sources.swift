import Foundation

extension Contact {
    /// Records what `source` says about this contact's presence and recomputes the merged view.
    public mutating func report(_ presence: Presence, status: String?, since: Date, from source: SourceKey) {
        if let index = index(of: source) {
            sources[index].presence = presence
            sources[index].statusText = status
        } else {
            insert(
                ContactSource(
                    account: source.account, protocolKind: source.protocolKind, onRoster: false, presence: presence,
                    statusText: status))
        }
        presenceSince = since
        mergePresence()
    }

    /// Records `source`'s roster entry (name, groups, its own reference), keeping its presence.
    public mutating func list(
        name: String?, groups: [String], reference: String?, awaitingAuthorization: Bool = false,
        from source: SourceKey
    ) {
        if let index = index(of: source) {
            sources[index].onRoster = true
            sources[index].name = name
            sources[index].groups = groups
            sources[index].reference = reference
            sources[index].awaitingAuthorization = awaitingAuthorization
        } else {
            var entry = ContactSource(
                account: source.account, protocolKind: source.protocolKind, name: name, groups: groups,
                reference: reference)
            entry.awaitingAuthorization = awaitingAuthorization
            insert(entry)
        }
        mergeRoster()
    }

    /// `source` no longer lists this contact; a presence it still reports keeps the source, off the roster.
    public mutating func unlist(from source: SourceKey) {
        guard let index = index(of: source) else { return }
        if sources[index].presence == .unavailable {
            sources.remove(at: index)
        } else {
            sources[index].onRoster = false
            sources[index].name = nil
            sources[index].groups = []
            sources[index].reference = nil
            sources[index].awaitingAuthorization = false
        }
        mergeRoster()
        mergePresence()
    }

    /// Compares fields in place: `firstIndex(where:)` hands each `ContactSource` to its closure as a copy, and a
    /// presence storm asks once per event.
    private func index(of source: SourceKey) -> Int? {
        for index in sources.indices
        where sources[index].protocolKind == source.protocolKind && sources[index].account == source.account {
            return index
        }
        return nil
    }

    private mutating func insert(_ source: consuming ContactSource) {
        let index = sources.firstIndex { source.key < $0.key } ?? sources.endIndex
        sources.insert(source, at: index)
    }

    /// Name from the first source that has one; groups as the union, in source order.
    private mutating func mergeRoster() {
        if sources.count == 1 {
            displayName = sources[0].name ?? jid.local
            groups = sources[0].groups
            awaitingAuthorization = sources[0].awaitingAuthorization
            return
        }
        awaitingAuthorization = sources.contains { $0.awaitingAuthorization }
        displayName = sources.lazy.compactMap(\.name).first ?? jid.local
        var merged: [String] = []
        for source in sources { for group in source.groups where !merged.contains(group) { merged.append(group) } }
        groups = merged
    }

    /// The most reachable presence any source reports, with that source's status text.
    private mutating func mergePresence() {
        if sources.count == 1 {
            presence = sources[0].presence
            statusText = sources[0].statusText
            return
        }
        guard var best = sources.first else {
            presence = .unavailable
            statusText = nil
            return
        }
        for source in sources.dropFirst() where source.presence.sortRank < best.presence.sortRank { best = source }
        presence = best.presence
        statusText = best.statusText
    }
}
