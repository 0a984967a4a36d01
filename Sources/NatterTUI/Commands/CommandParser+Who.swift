import NatterEngine
import NatterModel

extension CommandParser {
    /// Who is in a room. We are, once joined, even if the server only announced the others.
    static func occupants(of room: ConversationID, state: ClientState) -> Set<JID> {
        var occupants = state.conversations[room]?.occupants ?? []
        if let me = state.accounts[room.account]?.identity?.bare, state.rooms[room]?.joined == true,
            !occupants.contains(where: { $0.bare == me })
        {
            occupants.insert(me)
        }
        return occupants
    }

    /// Display names of a room's occupants: others by name, then our own nick, so the list reads the same each time.
    static func occupantNames(of room: ConversationID, state: ClientState) -> [String] {
        let occupants = occupants(of: room, state: state)
        let me = state.accounts[room.account]?.identity?.bare
        let others: [String] = occupants.filter { $0.bare != me }.map { TextSanitizer.line(state.displayName(of: $0)) }
        let names = others.sorted { $0.lowercased() == $1.lowercased() ? $0 < $1 : $0.lowercased() < $1.lowercased() }
        return occupants.count > others.count ? names + [TextSanitizer.line(state.ownNick(on: room.account))] : names
    }

    /// `/who [ROOM]`: one line per occupant with address and presence, then a summary. In a room window (a
    /// room, channel, thread or conference) the answer goes into that window, as irssi and WeeChat do; about a
    /// room named from elsewhere, to the console, whose last line the status bar keeps showing.
    func who(_ arguments: [String], state: ClientState) -> [AppAction] {
        let id: ConversationID
        var here = false
        if let name = arguments.first {
            let byName = state.rooms.first { $0.value.name.caseInsensitiveCompare(name) == .orderedSame }?.key
            guard let jid = byName?.jid ?? JID(String(name.trimmingPrefix("#")), defaultDomain: Self.domain(state))
            else {
                return [Self.error("/who: \(name) is not a valid room address")]
            }
            id = byName ?? .room(jid, account: state.currentAccount)
            here = state.activeWindow == .conversation(id)
        } else {
            guard let active = state.activeWindow.conversationID, active.kind != .direct else {
                return [Self.error("/who: this window is not a room; say which: /who ROOM")]
            }
            id = active
            here = true
        }
        let title = TextSanitizer.line(state.title(of: .conversation(id)))
        if id.kind == .room {
            guard state.rooms[id]?.joined == true || !(state.conversations[id]?.occupants.isEmpty ?? true) else {
                return [Self.error("/who: not in \(title); /join \(id.jid!.local) first")]
            }
        }
        let members = ScreenModel.sorted(ScreenModel.members(of: id, state: state) ?? [], state: state)
        var lines = members.map { member in
            let role = member.role == .admin ? "@" : " "
            let name = TextSanitizer.line(state.displayName(of: member.jid))
            return " \(role)\(name) <\(member.jid.bareString)> \(member.presence.label)"
        }
        let names =
            id.kind == .room
            ? Self.occupantNames(of: id, state: state)
            : members.map {
                TextSanitizer.line(state.displayName(of: $0.jid))
            }
        lines.append("\(title): \(names.count) here" + (names.isEmpty ? "" : ": " + names.joined(separator: ", ")))
        guard here, state.conversations[id] != nil else { return lines.map { .dispatch(.notice(.info($0))) } }
        return lines.map { .dispatch(.windows(.note(id, .info($0)))) }
    }
}
