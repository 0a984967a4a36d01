import NatterEngine
import NatterModel

extension ScreenModel {
    /// The chat keeps at least this many columns; a narrower terminal hides the member pane.
    static let membersMinimumChatColumns = 40

    /// Who is in a room window (a channel, room, multi-user thread or conference) with presence and role; nil for
    /// a window that is no room.
    static func members(of id: ConversationID, state: ClientState) -> [Member]? {
        let me = state.accounts[id.account]?.identity?.bare
        switch id.kind {
        case .direct:
            return nil
        case .channel:
            return state.channels[id]?.members ?? []
        case .room, .thread, .conference:
            // Occupants are there, so at least online; a contact's own presence says more.
            var occupants = state.conversations[id]?.occupants ?? []
            if let me, state.rooms[id]?.joined == true { occupants.insert(me) }
            return Set(occupants.map(\.bare)).map { jid in
                let known = jid == me ? nil : state.contacts[jid]?.presence
                return Member(jid: jid, presence: known.flatMap { $0.isOnline ? $0 : nil } ?? .available)
            }
        }
    }

    /// Administrators first, then who is online, then by name.
    static func sorted(_ members: [Member], state: ClientState) -> [Member] {
        members.sorted { left, right in
            if (left.role == .admin) != (right.role == .admin) { return left.role == .admin }
            if left.presence.isOnline != right.presence.isOnline { return left.presence.isOnline }
            let (a, b) = (state.displayName(of: left.jid).lowercased(), state.displayName(of: right.jid).lowercased())
            return a == b ? left.jid < right.jid : a < b
        }
    }

    /// How wide the member pane is for the active window (0: not shown), taken off the chat's width in `layout`.
    func membersWidth(state: ClientState, ui: InterfaceState, layout: inout Layout) -> Int {
        guard ui.showsMembers, let id = state.activeWindow.conversationID, Self.members(of: id, state: state) != nil
        else { return 0 }
        let width = min(24, max(14, ui.columns / 6))
        guard layout.chatWidth - width >= Self.membersMinimumChatColumns else { return 0 }
        layout.chatWidth -= width
        return width
    }

    /// The member pane: a border, a header with how many are online, then one member a row — `@` marks an
    /// administrator — with names cut by `…` so no row runs past the pane, and `+N more` when they do not fit.
    func memberRows(state: ClientState, width: Int, height: Int) -> [ScreenRow] {
        guard let id = state.activeWindow.conversationID, let members = Self.members(of: id, state: state) else {
            return []
        }
        let online = members.filter(\.presence.isOnline).count
        var rows: [ScreenRow] = [
            ScreenRow([StyledRun("│", .border), StyledRun(" \(online)/\(members.count) here", .rosterHeader)])
        ]
        let sorted = Self.sorted(members, state: state)
        let room = max(0, height - 1)
        let shown = sorted.count > room ? max(0, room - 1) : sorted.count
        for member in sorted.prefix(shown) {
            let (symbol, role) = Self.presenceSymbol(member.presence)
            var row = ScreenRow([StyledRun("│", .border), StyledRun(symbol, role)])
            row.append(member.role == .admin ? "@" : " ", .highlight)
            let name = TextSanitizer.line(state.displayName(of: member.jid))
            let budget = max(1, width - row.width)
            row.append(TextLayout.truncate(name, to: budget, ellipsis: true), member.presence.isOnline ? .text : .dim)
            rows.append(row)
        }
        if shown < sorted.count {
            rows.append(ScreenRow([StyledRun("│", .border), StyledRun(" +\(sorted.count - shown) more", .dim)]))
        }
        while rows.count < height { rows.append(ScreenRow([StyledRun("│", .border)])) }
        return rows.prefix(height).map { $0.fitted(to: width) }
    }
}
