import Foundation
import NatterEngine
import NatterModel

/// The roster as the user moves through it: rooms and sorted contacts, the quick filter, the keyboard cursor and
/// the scroll position.
///
/// It lives in `InterfaceState` rather than in the screen model so that Alt+Down followed at once by Alt+Enter
/// (both in one read from the terminal) acts on the entry the cursor really reached. Nothing here is per frame:
/// the sort is cached by `RosterCache`, the filter's matches by (sort generation, filter text), the rooms by
/// `ClientState.revision`; a frame only looks up the rows it shows.
struct RosterNavigator: Sendable {
    private(set) var cache = RosterCache()
    /// The filter as typed, for the header; empty means no filter.
    private(set) var filter = ""
    private var foldedFilter = ""
    /// Ascending indices into `cache.sorted` of the contacts that match the filter; nil without a filter.
    private var matches: [Int]?
    private var matchesKey: (generation: Int, filter: String)?
    /// Folded "name jid" per contact, kept across re-sorts so a presence change does not refold 10k names.
    private var searchKeys: [JID: (name: String, key: String)] = [:]
    private(set) var groups: [(id: ConversationID, title: String)] = []
    private var groupsRevision: UInt64?
    /// The entry the keyboard cursor is on; nil means no cursor, and the list follows the active window.
    var cursor: ConversationID?
    /// Where the cursor last was, so it stays near when its entry disappears (filtered out, contact removed).
    var cursorEntry = 0
    /// The first row shown; kept between frames so the list only scrolls when the cursor leaves the page.
    var top = 0
    /// Rows the pane showed last time, for Alt+PageUp/PageDown.
    var pageHeight = 10
    /// Cells for text in the pane, which decides whether the filter fits on the header row.
    var paneWidth = 29

    /// Brings the cached lists up to date; cheap when neither the state nor the filter changed.
    mutating func refresh(state: ClientState) {
        cache.update(contacts: state.contacts, revision: state.revision)
        if groupsRevision != state.revision {
            groupsRevision = state.revision
            groups = Self.groupConversations(state: state).filter { matchesFilter($0.title) }
        }
        guard !foldedFilter.isEmpty else {
            matches = nil
            return
        }
        if let key = matchesKey, key.generation == cache.sortCount, key.filter == foldedFilter { return }
        matchesKey = (cache.sortCount, foldedFilter)
        var found: [Int] = []
        var keys: [JID: (name: String, key: String)] = [:]
        keys.reserveCapacity(cache.sorted.count)
        for (index, contact) in cache.sorted.enumerated() {
            var entry = searchKeys[contact.jid]
            if entry?.name != contact.displayName {
                entry = (contact.displayName, Self.fold(contact.displayName + " " + contact.jid.bareString))
            }
            keys[contact.jid] = entry
            if entry!.key.contains(foldedFilter) { found.append(index) }
        }
        searchKeys = keys
        matches = found
    }

    /// Sets the quick filter and puts the cursor on the first match, so Alt+Enter opens it straight away.
    mutating func setFilter(_ text: String, state: ClientState) {
        filter = TextSanitizer.line(text).trimmingCharacters(in: .whitespaces)
        foldedFilter = Self.fold(filter)
        groupsRevision = nil
        top = 0
        refresh(state: state)
        cursor = foldedFilter.isEmpty || entryCount == 0 ? nil : entry(at: 0)
        cursorEntry = 0
    }

    /// Case-, diacritic- and width-insensitive, so "zoe" finds "Zoë" and "ANN" finds "Ánn".
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    private func matchesFilter(_ title: String) -> Bool {
        foldedFilter.isEmpty || Self.fold(title).contains(foldedFilter)
    }

    var contactCount: Int { matches?.count ?? cache.sorted.count }
    var entryCount: Int { groups.count + contactCount }
    var headerCount: Int { (groups.isEmpty ? 0 : 1) + contactsHeader.count }
    var rowCount: Int { headerCount + entryCount }

    /// "Contacts online/total", or with a filter "Contacts matching/total (filter: TEXT)", which takes a second
    /// row when the pane is too narrow for it (it always is at the usual 30 columns with a long filter).
    var contactsHeader: [String] {
        if filter.isEmpty { return ["Contacts \(cache.onlineCount)/\(cache.sorted.count)"] }
        let counts = "Contacts \(contactCount)/\(cache.sorted.count)"
        let full = counts + " (filter: \(filter))"
        return DisplayWidth.of(full) <= paneWidth ? [full] : [counts, "(filter: \(filter))"]
    }

    func contact(at index: Int) -> Contact { cache.sorted[matches?[index] ?? index] }

    /// Entries are the rooms, then the contacts; headers are rows but not entries.
    func entry(at index: Int) -> ConversationID {
        guard index < groups.count else {
            let contact = contact(at: index - groups.count)
            return .direct(contact.jid, account: contact.preferredAccount ?? .default)
        }
        return groups[index].id
    }

    func entryIndex(of id: ConversationID) -> Int? {
        if case .direct(let jid) = id.target {
            guard let position = cache.position[jid] else { return nil }
            guard let matches else { return groups.count + position }
            // `matches` is ascending, so a binary search finds the contact without a per-filter index.
            var low = 0
            var high = matches.count
            while low < high {
                let middle = (low + high) / 2
                if matches[middle] < position { low = middle + 1 } else { high = middle }
            }
            return low < matches.count && matches[low] == position ? groups.count + low : nil
        }
        return groups.firstIndex { $0.id == id }
    }

    func row(ofEntry index: Int) -> Int { index < groups.count ? index + 1 : index + headerCount }

    /// What a pane row shows: a header title, or an entry index.
    enum Row: Equatable {
        case header(String)
        case entry(Int)
    }

    func content(ofRow row: Int) -> Row {
        var first = 0
        if !groups.isEmpty {
            if row == 0 { return .header("Rooms") }
            if row <= groups.count { return .entry(row - 1) }
            first = groups.count + 1
        }
        let header = contactsHeader
        if row - first < header.count { return .header(header[row - first]) }
        return .entry(row - header.count - (groups.isEmpty ? 0 : 1))
    }

    /// Rooms and channels: those known to the engine plus any open as windows, by name.
    static func groupConversations(state: ClientState) -> [(id: ConversationID, title: String)] {
        var entries: [ConversationID: String] = [:]
        for (id, room) in state.rooms { entries[id] = room.name }
        for window in state.windows {
            guard let id = window.conversationID, id.kind != .direct else { continue }
            entries[id] = state.conversations[id]?.title ?? id.address
        }
        return entries.map { (id: $0.key, title: TextSanitizer.line($0.value)) }.sorted {
            let (left, right) = ($0.title.lowercased(), $1.title.lowercased())
            return left == right ? $0.id < $1.id : left < right
        }
    }
}
