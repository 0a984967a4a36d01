import NatterEngine
import NatterModel

extension ScreenModel {
    /// A room, channel or contact line in the roster pane.
    enum RosterEntry {
        case header(String)
        case conversation(ConversationID, title: String)
        case contact(Contact)
    }

    static func presenceSymbol(_ presence: Presence) -> (String, StyleRole) {
        switch presence {
        case .available: ("●", .presenceAvailable)
        case .dnd: ("⊘", .presenceDND)
        case .away: ("◐", .presenceAway)
        case .xa: ("◌", .presenceXA)
        case .unavailable: ("○", .presenceOffline)
        }
    }

    /// Lays out only the rows that are visible, scrolled so the active conversation's entry is on screen.
    mutating func rosterRows(state: ClientState, width: Int, height: Int) -> [ScreenRow] {
        roster.update(contacts: state.contacts, revision: state.revision)
        let groups = groupConversations(state: state)
        let headerCount = groups.isEmpty ? 1 : 2
        let total = headerCount + groups.count + roster.sorted.count
        let contactsStart = groups.isEmpty ? 1 : groups.count + 2

        var selected: Int?
        if let id = state.activeWindow.conversationID {
            if case .direct(let jid) = id, let index = roster.position[jid] {
                selected = contactsStart + index
            } else if let index = groups.firstIndex(where: { $0.0 == id }) {
                selected = 1 + index
            }
        }
        var start = 0
        if let selected, selected >= height { start = min(selected - height / 2, max(0, total - height)) }

        func entry(at index: Int) -> RosterEntry {
            if !groups.isEmpty {
                if index == 0 { return .header("Rooms") }
                if index <= groups.count { return .conversation(groups[index - 1].0, title: groups[index - 1].1) }
            }
            if index == contactsStart - 1 { return .header("Contacts \(roster.onlineCount)/\(roster.sorted.count)") }
            return .contact(roster.sorted[index - contactsStart])
        }

        let contentWidth = width - 1
        var rows: [ScreenRow] = []
        for index in start..<min(total, start + height) {
            var row = rosterRow(entry(at: index), state: state, width: contentWidth, selected: index == selected)
            row.append("│", .border)
            rows.append(row)
        }
        let blank = ScreenRow([StyledRun(String(repeating: " ", count: contentWidth)), StyledRun("│", .border)])
        while rows.count < height { rows.append(blank) }
        return rows
    }

    /// Rooms and channels: those known to the engine plus any open as windows.
    func groupConversations(state: ClientState) -> [(ConversationID, String)] {
        var entries: [ConversationID: String] = [:]
        for room in state.rooms.values { entries[.room(room.jid)] = room.name }
        for window in state.windows {
            guard let id = window.conversationID else { continue }
            switch id {
            case .room, .channel: entries[id] = state.conversations[id]?.title ?? id.description
            case .direct: break
            }
        }
        return entries.map { ($0.key, TextSanitizer.line($0.value)) }.sorted { $0.1.lowercased() < $1.1.lowercased() }
    }

    func rosterRow(_ entry: RosterEntry, state: ClientState, width: Int, selected: Bool) -> ScreenRow {
        var row = ScreenRow()
        var unread = 0
        var nameRole = StyleRole.text
        switch entry {
        case .header(let title):
            return ScreenRow([StyledRun(title, .rosterHeader)]).fitted(to: width)
        case .conversation(let id, let title):
            unread = state.conversations[id]?.unread ?? 0
            let joined = id.jid.flatMap { state.rooms[$0]?.joined } ?? true
            row.append(joined ? "# " : "· ", .dim)
            row.append(title, unread > 0 ? .unread : .text)
        case .contact(let contact):
            unread = state.conversations[.direct(contact.jid)]?.unread ?? 0
            let (symbol, role) = Self.presenceSymbol(contact.presence)
            row.append(symbol + " ", role)
            if unread > 0 {
                nameRole = .unread
            } else if !contact.presence.isOnline {
                nameRole = .dim
            }
            row.append(TextSanitizer.line(contact.displayName), nameRole)
        }
        let count = unread > 0 ? " (\(unread))" : ""
        var fitted = row.fitted(to: max(0, width - count.count))
        fitted.append(count, .unread)
        if selected { fitted.runs = fitted.runs.map { StyledRun($0.text, .rosterSelected) } }
        return fitted
    }
}
