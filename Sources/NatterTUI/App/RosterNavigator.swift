import Foundation
import NatterEngine
import NatterModel

/// The roster as the user moves through it: rooms, then the contacts by group, the quick filter, the keyboard
/// cursor and the scroll position.
///
/// It lives in `InterfaceState` rather than in the screen model so that Alt+Down followed at once by Alt+Enter
/// (both in one read from the terminal) acts on the entry the cursor really reached. Nothing here is per frame:
/// the sort is cached by `RosterCache`; the filter's matches by (sort generation, filter text); the sections by
/// those plus the collapsed groups and the listed group names; the rooms by `ClientState.revision`. A frame only
/// looks up the rows it shows.
struct RosterNavigator: Sendable {
    /// Where contacts in no group are listed, as Exchange's default group is called (so a server's own group of
    /// that name and the ungrouped contacts share one section).
    static let otherContacts = "Other Contacts"

    /// A group's line and the members shown under it; with no groups at all, one nameless section (no line).
    struct Section: Sendable, Equatable {
        var name: String?
        var online: Int
        var total: Int
        /// Ascending indices into `cache.sorted`: the members that match the filter; none while collapsed.
        var shown: [Int]
        var collapsed: Bool
        var entryCount: Int { (name == nil ? 0 : 1) + shown.count }
    }

    private(set) var cache = RosterCache()
    /// The filter as typed, for the header; empty means no filter.
    private(set) var filter = ""
    var foldedFilter = ""
    /// Ascending indices into `cache.sorted` of the contacts that match the filter; nil without a filter.
    var matches: [Int]?
    private var matchesKey: (generation: Int, filter: String)?
    /// Folded "name jid" per contact, kept across re-sorts so a presence change does not refold 10k names.
    private var searchKeys: [JID: (name: String, key: String)] = [:]
    private(set) var rooms: [(id: ConversationID, title: String)] = []
    private var roomsRevision: UInt64?
    /// Group names the accounts list, empty groups included.
    var listedGroups: [String] = []
    /// Lowercased names of the groups folded away.
    var collapsed: Set<String> = []
    var sections: [Section] = []
    /// The first entry of each section, counted from the first entry after the rooms.
    var sectionStarts: [Int] = []
    var sectionsKey: SectionsKey?
    /// The entry the keyboard cursor is on; nil means no cursor, and the list follows the active window.
    var cursor: RosterItem?
    /// An entry whose removal was asked for once; the same key again confirms it.
    var pendingRemoval: RosterItem?
    /// Where the cursor last was, so it stays near when its entry disappears (filtered out, contact removed).
    var cursorEntry = 0
    /// The first row shown; kept between frames so the list only scrolls when the cursor leaves the page.
    var top = 0
    /// Rows the pane showed last time, for Alt+PageUp/PageDown.
    var pageHeight = 10
    /// Cells for text in the pane, which decides whether the filter fits on the header row.
    var paneWidth = 29

    struct SectionsKey: Equatable {
        var generation: Int
        var filter: String
        var collapsed: Set<String>
        var listed: [String]
    }

    /// Brings the cached lists up to date; cheap when neither the state nor the filter changed.
    mutating func refresh(state: ClientState) {
        cache.update(contacts: state.contacts, revision: state.revision)
        if roomsRevision != state.revision {
            roomsRevision = state.revision
            rooms = Self.roomConversations(state: state).filter { matchesFilter($0.title) }
            listedGroups = state.rosterGroups.keys.sorted().flatMap { state.rosterGroups[$0]! }
        }
        refreshMatches()
        refreshSections()
    }

    private mutating func refreshMatches() {
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
        roomsRevision = nil
        top = 0
        refresh(state: state)
        cursor = nil
        cursorEntry = 0
        guard !foldedFilter.isEmpty else { return }
        // The first contact rather than its group's line, so the match opens at once.
        for index in 0..<entryCount {
            let item = entry(at: index)
            if case .group = item { continue }
            cursor = item
            cursorEntry = index
            return
        }
    }

    /// Case-, diacritic- and width-insensitive, so "zoe" finds "Zoë" and "ANN" finds "Ánn".
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    private func matchesFilter(_ title: String) -> Bool {
        foldedFilter.isEmpty || Self.fold(title).contains(foldedFilter)
    }

    /// Distinct contacts shown (each counted once, whatever its groups).
    var contactCount: Int { matches?.count ?? cache.sorted.count }
    var contactEntryCount: Int { sections.reduce(0) { $0 + $1.entryCount } }
    var entryCount: Int { rooms.count + contactEntryCount }
    var headerCount: Int { (rooms.isEmpty ? 0 : 1) + contactsHeader.count }
    var rowCount: Int { headerCount + entryCount }

    /// "Contacts online/total", or with a filter "Contacts matching/total (filter: TEXT)", which takes a second
    /// row when the pane is too narrow for it (it always is at the usual 30 columns with a long filter).
    var contactsHeader: [String] {
        if filter.isEmpty { return ["Contacts \(cache.onlineCount)/\(cache.sorted.count)"] }
        let counts = "Contacts \(contactCount)/\(cache.sorted.count)"
        let full = counts + " (filter: \(filter))"
        return DisplayWidth.of(full) <= paneWidth ? [full] : [counts, "(filter: \(filter))"]
    }

    /// The `index`th contact that matches the filter, in sort order (whatever its groups).
    func contact(at index: Int) -> Contact { cache.sorted[matches?[index] ?? index] }

    func row(ofEntry index: Int) -> Int { index < rooms.count ? index + 1 : index + headerCount }

    /// What a pane row shows: a header title, or an entry index.
    enum Row: Equatable {
        case header(String)
        case entry(Int)
    }

    func content(ofRow row: Int) -> Row {
        var first = 0
        if !rooms.isEmpty {
            if row == 0 { return .header("Rooms") }
            if row <= rooms.count { return .entry(row - 1) }
            first = rooms.count + 1
        }
        let header = contactsHeader
        if row - first < header.count { return .header(header[row - first]) }
        return .entry(row - header.count - (rooms.isEmpty ? 0 : 1))
    }

    /// Rooms and channels: those known to the engine plus any open as windows, by name.
    static func roomConversations(state: ClientState) -> [(id: ConversationID, title: String)] {
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
