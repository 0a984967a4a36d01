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

    /// A group's line starts with these: `−` shows its contacts below, `+` has them folded away.
    static let expandedGroupMark = "−"
    static let collapsedGroupMark = "+"
    /// After the name of a contact that has not yet answered our subscription request.
    static let awaitingAuthorizationMark = " (asked)"

    /// Lays out only the rows that are visible. The list scrolls to keep the keyboard cursor (or, without one, the
    /// active conversation) on screen; the active entry is highlighted, the cursor marked with `▸`.
    func rosterRows(state: ClientState, ui: inout InterfaceState, width: Int, height: Int) -> [ScreenRow] {
        ui.roster.refresh(state: state)
        ui.roster.scroll(height: height, width: width - 1, state: state)
        let roster = ui.roster
        let active = state.activeWindow.conversationID
        var activeContact: JID?
        if let active, case .direct(let jid) = active.target { activeContact = jid.bare }
        let cursor = roster.cursorIndex

        let contentWidth = width - 1
        var rows: [ScreenRow] = []
        for index in roster.top..<min(roster.rowCount, roster.top + height) {
            var row: ScreenRow
            switch roster.content(ofRow: index) {
            case .header(let title):
                row = ScreenRow([StyledRun(title, .rosterHeader)]).cut(to: contentWidth)
            case .entry(let entry):
                switch roster.line(ofEntry: entry) {
                case .room(let id, let title):
                    // Two accounts' rooms may share a name ("Lounge" on each natterd): the account tells them apart.
                    let shared = roster.rooms.lazy.filter { $0.title == title }.count > 1
                    row = rosterRow(
                        .conversation(id, title: title), state: state, width: contentWidth, selected: id == active,
                        cursor: entry == cursor, sharedName: shared)
                case .group(let section):
                    row = groupRow(section, width: contentWidth, cursor: entry == cursor)
                case .contact(let contact, let group):
                    row = rosterRow(
                        .contact(contact), state: state, width: contentWidth - (group == nil ? 0 : 1),
                        selected: contact.jid == activeContact, cursor: entry == cursor,
                        sharedName: roster.cache.isNameShared(contact.jid))
                    // Indented under their group's line.
                    if group != nil { row.runs.insert(StyledRun(" ", row.runs.first?.role ?? .text), at: 0) }
                }
            }
            row.append("│", .border)
            rows.append(row)
        }
        let blank = ScreenRow([StyledRun(String(repeating: " ", count: contentWidth)), StyledRun("│", .border)])
        while rows.count < height { rows.append(blank) }
        return rows
    }

    /// `− Friends 2/5`: the mark says whether it is folded, the counts are online/total and stay whole when the
    /// name is cut.
    func groupRow(_ section: RosterNavigator.Section, width: Int, cursor: Bool) -> ScreenRow {
        let counts = " \(section.online)/\(section.total)"
        var row = ScreenRow()
        row.append((section.collapsed ? Self.collapsedGroupMark : Self.expandedGroupMark) + " ", .rosterHeader)
        row.append(TextSanitizer.line(section.name ?? RosterNavigator.otherContacts), .rosterHeader)
        var fitted = row.cut(to: max(0, width - counts.count))
        fitted.append(counts, .dim)
        if cursor { fitted.runs = fitted.runs.map { StyledRun($0.text, .rosterCursor) } }
        return fitted
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
            if contact.awaitingAuthorization { row.append(Self.awaitingAuthorizationMark, .dim) }
            if known, let status = contact.statusText, !status.isEmpty {
                row.append(" " + TextSanitizer.line(status), .dim)
            }
            if sharedName { row.append(" <\(contact.jid.bareString)>", .dim) }
        }
        let count = unread > 0 ? " (\(unread))" : ""
        var fitted = row.cut(to: max(0, width - count.count))
        fitted.append(count, .unread)
        if cursor {
            fitted.runs = fitted.runs.map { StyledRun($0.text, .rosterCursor) }
        } else if selected {
            fitted.runs = fitted.runs.map { StyledRun($0.text, .rosterSelected) }
        }
        return fitted
    }
}

extension ScreenRow {
    /// Fits the row to exactly `width` cells; what does not fit is cut between clusters and ends in `…`, in the
    /// style of the run that was cut.
    func cut(to width: Int) -> ScreenRow {
        guard self.width > width else { return fitted(to: width) }
        guard width > 0 else { return ScreenRow() }
        var result = ScreenRow()
        var used = 0
        for run in runs {
            let cells = DisplayWidth.of(run.text)
            if used + cells <= width - 1 {
                result.append(run.text, run.role)
                used += cells
                continue
            }
            let piece = TextLayout.truncate(run.text, to: width - 1 - used)
            result.append(piece + "…", run.role)
            used += DisplayWidth.of(piece) + 1
            break
        }
        return result.fitted(to: width)
    }
}
