import NatterEngine
import NatterModel

extension RosterNavigator {
    /// What an entry is, with what its line needs.
    enum Line {
        case room(id: ConversationID, title: String)
        case group(Section)
        case contact(Contact, group: String?)
    }

    /// Regroups the sorted contacts when the sort, the filter, the collapsed groups or the listed groups changed.
    /// A contact in two groups is shown in both; contacts in no group go to "Other Contacts", which comes last.
    /// While nobody is in a group and no account lists one, the contacts are one flat list with no group line.
    mutating func refreshSections() {
        let key = SectionsKey(
            generation: cache.sortCount, filter: foldedFilter, collapsed: collapsed, listed: listedGroups)
        if key == sectionsKey { return }
        sectionsKey = key
        var members: [String: (name: String, indices: [Int])] = [:]
        for name in listedGroups where members[name.lowercased()] == nil { members[name.lowercased()] = (name, []) }
        var ungrouped: [Int] = []
        for (index, contact) in cache.sorted.enumerated() {
            if contact.groups.isEmpty {
                ungrouped.append(index)
                continue
            }
            for group in contact.groups {
                let folded = group.lowercased()
                // The same group twice in different case is one membership.
                if members[folded]?.indices.last == index { continue }
                members[folded, default: (group, [])].indices.append(index)
            }
        }
        var isMatch: [Bool]?
        if let matches {
            var flags = [Bool](repeating: false, count: cache.sorted.count)
            for index in matches { flags[index] = true }
            isMatch = flags
        }
        func section(_ name: String?, _ indices: [Int]) -> Section? {
            let folded = name?.lowercased() ?? ""
            let online = indices.reduce(0) { $0 + (cache.sorted[$1].presence.isOnline ? 1 : 0) }
            let isCollapsed = name != nil && collapsed.contains(folded)
            var shown = indices
            if let isMatch {
                shown = indices.filter { isMatch[$0] }
                // Searching shows every match, folded groups too, and no group with none.
                if shown.isEmpty { return nil }
            } else if isCollapsed {
                shown = []
            }
            return Section(
                name: name, online: online, total: indices.count, shown: shown,
                collapsed: isCollapsed && isMatch == nil)
        }
        if members.isEmpty {
            sections = section(nil, ungrouped).map { [$0] } ?? []
        } else {
            let otherKey = Self.otherContacts.lowercased()
            if !ungrouped.isEmpty {
                var other = members[otherKey] ?? (Self.otherContacts, [])
                other.indices = (other.indices + ungrouped).sorted()
                members[otherKey] = other
            }
            let order = members.keys.sorted { left, right in
                if (left == otherKey) != (right == otherKey) { return right == otherKey }
                return left < right
            }
            sections = order.compactMap { section(members[$0]!.name, members[$0]!.indices) }
        }
        var start = 0
        sectionStarts = sections.map { section in
            defer { start += section.entryCount }
            return start
        }
    }

    /// The section an entry after the rooms falls in, by binary search over the section starts.
    private func sectionIndex(containing entry: Int) -> Int {
        var low = 0
        var high = sectionStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sectionStarts[middle] <= entry { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func sectionIndex(named name: String?) -> Int? {
        guard let name else { return sections.first?.name == nil && !sections.isEmpty ? 0 : nil }
        let folded = name.lowercased()
        return sections.firstIndex { $0.name?.lowercased() == folded }
    }

    func line(ofEntry index: Int) -> Line {
        if index < rooms.count { return .room(id: rooms[index].id, title: rooms[index].title) }
        let offset = index - rooms.count
        let number = sectionIndex(containing: offset)
        let section = sections[number]
        var position = offset - sectionStarts[number]
        if section.name != nil {
            if position == 0 { return .group(section) }
            position -= 1
        }
        return .contact(cache.sorted[section.shown[position]], group: section.name)
    }

    func entry(at index: Int) -> RosterItem {
        switch line(ofEntry: index) {
        case .room(let id, _): .conversation(id)
        case .group(let section): .group(section.name ?? "")
        case .contact(let contact, let group): .contact(contact.jid, group: group)
        }
    }

    func entryIndex(of item: RosterItem) -> Int? {
        switch item {
        case .conversation(let id):
            return rooms.firstIndex { $0.id == id }
        case .group(let name):
            return sectionIndex(named: name).map { rooms.count + sectionStarts[$0] }
        case .contact(let jid, let group):
            guard let number = sectionIndex(named: group), let position = cache.position[jid] else { return nil }
            let shown = sections[number].shown
            // `shown` is ascending, so a binary search finds the contact without a per-section index.
            var low = 0
            var high = shown.count
            while low < high {
                let middle = (low + high) / 2
                if shown[middle] < position { low = middle + 1 } else { high = middle }
            }
            guard low < shown.count, shown[low] == position else { return nil }
            return rooms.count + sectionStarts[number] + (group == nil ? 0 : 1) + low
        }
    }

    /// The entry of a window's conversation: the room, or the contact's first line.
    func entryIndex(of id: ConversationID) -> Int? {
        guard case .direct(let jid) = id.target else { return entryIndex(of: .conversation(id)) }
        for section in sections {
            if let index = entryIndex(of: .contact(jid.bare, group: section.name)) { return index }
        }
        return nil
    }

    /// Folds or unfolds a group; a cursor on one of its contacts moves to the group's line.
    mutating func setCollapsed(_ name: String, _ fold: Bool, state: ClientState) {
        let folded = name.lowercased()
        if fold { collapsed.insert(folded) } else { collapsed.remove(folded) }
        if fold, case .contact(_, let group?) = cursor, group.lowercased() == folded { cursor = .group(name) }
        refresh(state: state)
    }

    func isCollapsed(_ name: String) -> Bool { collapsed.contains(name.lowercased()) }
}
