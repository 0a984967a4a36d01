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

    /// Display names of a room's occupants: others by name, then us ("me"), so the list reads the same each time.
    static func occupantNames(of room: ConversationID, state: ClientState) -> [String] {
        let occupants = occupants(of: room, state: state)
        let me = state.accounts[room.account]?.identity?.bare
        let others: [String] = occupants.filter { $0.bare != me }.map { TextSanitizer.line(state.displayName(of: $0)) }
        let names = others.sorted { $0.lowercased() == $1.lowercased() ? $0 < $1 : $0.lowercased() < $1.lowercased() }
        return occupants.count > others.count ? names + ["me"] : names
    }

    /// `/who [ROOM]`: one console line per occupant with address and presence, then a summary, which is what the
    /// status bar keeps showing.
    func who(_ arguments: [String], state: ClientState) -> [AppAction] {
        let id: ConversationID
        if let name = arguments.first {
            let byName = state.rooms.first { $0.value.name.caseInsensitiveCompare(name) == .orderedSame }?.key
            guard let jid = byName?.jid ?? JID(String(name.trimmingPrefix("#")), defaultDomain: Self.domain(state))
            else {
                return [Self.error("/who: \(name) is not a valid room address")]
            }
            id = byName ?? .room(jid, account: state.currentAccount)
        } else {
            guard let active = state.activeWindow.conversationID, active.kind == .room else {
                return [Self.error("/who: this window is not a room; say which: /who ROOM")]
            }
            id = active
        }
        let room = id.jid!
        let title = TextSanitizer.line(state.title(of: .conversation(id)))
        guard state.rooms[id]?.joined == true || !(state.conversations[id]?.occupants.isEmpty ?? true) else {
            return [Self.error("/who: not in \(title); /join \(room.local) first")]
        }
        let occupants = Self.occupants(of: id, state: state).sorted {
            let (left, right) = (state.displayName(of: $0).lowercased(), state.displayName(of: $1).lowercased())
            return left == right ? $0 < $1 : left < right
        }
        var actions: [AppAction] = occupants.map { jid in
            var line = "  " + TextSanitizer.line(state.displayName(of: jid)) + " <\(jid.bareString)>"
            if let contact = state.contacts[jid.bare] { line += " " + contact.presence.label }
            return .dispatch(.notice(.info(line)))
        }
        let names = Self.occupantNames(of: id, state: state)
        let summary = "\(title): \(names.count) here" + (names.isEmpty ? "" : ": " + names.joined(separator: ", "))
        actions.append(.dispatch(.notice(.info(summary))))
        return actions
    }
}
