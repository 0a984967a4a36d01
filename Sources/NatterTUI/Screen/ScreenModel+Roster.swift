import NatterEngine
import NatterModel

extension ScreenModel {
    /// A room, channel or contact line in the roster pane.
    enum RosterEntry {
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

    /// Lays out only the rows that are visible. The list scrolls to keep the keyboard cursor (or, without one, the
    /// active conversation) on screen; the active entry is highlighted, the cursor marked with `▸`.
    func rosterRows(state: ClientState, ui: inout InterfaceState, width: Int, height: Int) -> [ScreenRow] {
        ui.roster.refresh(state: state)
        ui.roster.scroll(height: height, width: width - 1, state: state)
        let roster = ui.roster
        let active = state.activeWindow.conversationID.flatMap { roster.entryIndex(of: $0) }
        let cursor = roster.cursorIndex

        let contentWidth = width - 1
        var rows: [ScreenRow] = []
        for index in roster.top..<min(roster.rowCount, roster.top + height) {
            var row: ScreenRow
            switch roster.content(ofRow: index) {
            case .header(let title):
                row = ScreenRow([StyledRun(title, .rosterHeader)]).fitted(to: contentWidth)
            case .entry(let entry):
                let item: RosterEntry
                let shared: Bool
                if entry < roster.groups.count {
                    let group = roster.groups[entry]
                    item = .conversation(group.id, title: group.title)
                    // Two accounts' rooms may share a name ("Lounge" on each natterd): the account tells them apart.
                    shared = roster.groups.lazy.filter { $0.title == group.title }.count > 1
                } else {
                    let contact = roster.contact(at: entry - roster.groups.count)
                    item = .contact(contact)
                    shared = roster.cache.isNameShared(contact.jid)
                }
                row = rosterRow(
                    item, state: state, width: contentWidth, selected: entry == active, cursor: entry == cursor,
                    sharedName: shared)
            }
            row.append("│", .border)
            rows.append(row)
        }
        let blank = ScreenRow([StyledRun(String(repeating: " ", count: contentWidth)), StyledRun("│", .border)])
        while rows.count < height { rows.append(blank) }
        return rows
    }

    /// Whether what we last heard of the contact's presence is current: only while an account that reports it is
    /// online. Otherwise the roster shows `?`, never a stale "online".
    static func isPresenceKnown(_ contact: Contact, state: ClientState) -> Bool {
        let accounts = contact.sources.isEmpty ? state.sortedAccounts.map(\.id) : contact.accounts
        return accounts.contains { state.accounts[$0]?.isOnline == true }
    }

    /// One roster line per person: their chats on every account count. Every visible row asks on every frame, so
    /// a roster with no open chats does not build the contact's account list at all.
    static func unread(of contact: Contact, state: ClientState) -> Int {
        guard !state.conversations.isEmpty else { return 0 }
        let accounts = contact.sources.isEmpty ? state.sortedAccounts.map(\.id) : contact.accounts
        return accounts.reduce(0) { $0 + (state.conversations[.direct(contact.jid, account: $1)]?.unread ?? 0) }
    }

    /// - Parameter sharedName: another entry shows the same name, so the address (a contact's) or the account (a
    ///   room's) follows it.
    func rosterRow(
        _ entry: RosterEntry, state: ClientState, width: Int, selected: Bool, cursor: Bool, sharedName: Bool = false
    ) -> ScreenRow {
        var row = ScreenRow()
        var unread = 0
        var nameRole = StyleRole.text
        // The cursor replaces the leading symbol, so the name does not shift as it moves.
        switch entry {
        case .conversation(let id, let title):
            unread = state.conversations[id]?.unread ?? 0
            let joined = state.rooms[id]?.joined ?? true
            row.append(cursor ? "▸ " : joined ? "# " : "· ", cursor ? .rosterCursor : .dim)
            row.append(title, unread > 0 ? .unread : .text)
            if sharedName { row.append(" [\(id.account)]", .dim) }
        case .contact(let contact):
            // One roster line per person: their chats on every account count.
            unread = Self.unread(of: contact, state: state)
            let known = Self.isPresenceKnown(contact, state: state)
            let (symbol, role) = known ? Self.presenceSymbol(contact.presence) : ("?", .presenceOffline)
            row.append(cursor ? "▸ " : symbol + " ", cursor ? .rosterCursor : role)
            if unread > 0 {
                nameRole = .unread
            } else if !known || !contact.presence.isOnline {
                nameRole = .dim
            }
            row.append(TextSanitizer.line(contact.displayName), nameRole)
            if known, let status = contact.statusText, !status.isEmpty {
                row.append(" " + TextSanitizer.line(status), .dim)
            }
            if sharedName { row.append(" <\(contact.jid.bareString)>", .dim) }
        }
        let count = unread > 0 ? " (\(unread))" : ""
        var fitted = row.fitted(to: max(0, width - count.count))
        fitted.append(count, .unread)
        if cursor {
            fitted.runs = fitted.runs.map { StyledRun($0.text, .rosterCursor) }
        } else if selected {
            fitted.runs = fitted.runs.map { StyledRun($0.text, .rosterSelected) }
        }
        return fitted
    }
}
