import Foundation
import NatterEngine
import NatterModel

extension InterfaceState {
    // The roster's key actions (`KeyAction.roster…`, bound by default to Alt+Up/Down, Alt+PageUp/PageDown,
    // Alt+Enter, Alt+Left/Right, Alt+R, Alt+Delete and Escape) act on the entry under the roster cursor.

    private static let pickFirst = "pick a contact, group or room with Alt+Up/Down first"

    mutating func rosterOpen(state: ClientState, now: Date) -> [AppAction] {
        roster.refresh(state: state)
        if case .group(let name) = roster.cursor, roster.cursorIndex != nil {
            return rosterFold(!roster.isCollapsed(name), state: state)
        }
        guard let intents = roster.open(state: state) else {
            return [.dispatch(.notice(.info(Self.pickFirst + ", then Alt+Enter")))]
        }
        // Opening a window leaves this one, which ends the typing notification here.
        return (composing.stop(now: now) + intents).map { .dispatch($0) }
    }

    /// Folds (or unfolds) the group under the cursor, or the group of the contact under it.
    mutating func rosterFold(_ fold: Bool, state: ClientState) -> [AppAction] {
        roster.refresh(state: state)
        let name: String
        switch roster.cursorIndex.map({ roster.entry(at: $0) }) {
        case .group(let group): name = group
        case .contact(_, let group?): name = group
        default: return [.dispatch(.notice(.info(Self.pickFirst + ", then Alt+Left/Right folds and unfolds it")))]
        }
        roster.setCollapsed(name, fold, state: state)
        return []
    }

    /// Puts `/group rename NAME ` on the input line, for the new name to be typed and Enter to send.
    mutating func rosterRename(state: ClientState) -> [AppAction] {
        roster.refresh(state: state)
        guard case .group(let name) = roster.cursorIndex.map({ roster.entry(at: $0) }) else {
            return [.dispatch(.notice(.info("Alt+R renames the group under the roster cursor; " + Self.pickFirst)))]
        }
        guard name != RosterNavigator.otherContacts || CommandParser.groupName(name, state: state) != nil else {
            return [Self.rosterError("\(name) lists the contacts in no group; it cannot be renamed")]
        }
        editor.setText("/group rename \(name.contains(" ") ? "\"\(name)\"" : name) ")
        return []
    }

    /// The first press says what would go and arms the removal; a second press at once (no other key between) on
    /// the same entry sends it.
    mutating func rosterRemove(state: ClientState, confirming pending: RosterItem?) -> [AppAction] {
        roster.refresh(state: state)
        guard let index = roster.cursorIndex else {
            return [
                .dispatch(.notice(.info("Alt+Delete removes the entry under the roster cursor; " + Self.pickFirst)))
            ]
        }
        let item = roster.entry(at: index)
        let again = " — press Alt+Delete again to confirm"
        switch item {
        case .group(let name):
            guard let group = CommandParser.groupName(name, state: state) ?? Self.listedGroup(name, state: state)
            else { return [Self.rosterError("\(name) lists the contacts in no group; it cannot be removed")] }
            guard pending == item else {
                roster.pendingRemoval = item
                let alone = state.contacts.values.filter { $0.groups == [group] }.map(\.displayName).sorted()
                let also = alone.isEmpty ? "" : " and the contacts in it alone (\(alone.joined(separator: ", ")))"
                return [.dispatch(.notice(.warning("remove group \(group)\(also)?" + again)))]
            }
            return [.dispatch(.groups(.delete(group, account: Self.account(ofGroup: group, state: state))))]
        case .contact(let jid, _):
            let contact = state.contacts[jid]
            guard pending == item else {
                roster.pendingRemoval = item
                let who = contact?.displayName ?? jid.bareString
                return [.dispatch(.notice(.warning("remove \(who) <\(jid.bareString)> from every group?" + again)))]
            }
            let account = contact?.preferredAccount ?? state.currentAccount
            return [.dispatch(.roster(.remove(jid, account: account)))]
        case .conversation:
            return [.dispatch(.notice(.info("Alt+Delete removes groups and contacts; leave a room with /part")))]
        }
    }

    /// The account whose list has the group, so the edit goes where the group lives.
    static func account(ofGroup name: String, state: ClientState) -> AccountID {
        let folded = name.lowercased()
        let listing = state.rosterGroups.keys.sorted().first { key in
            state.rosterGroups[key]!.contains { $0.lowercased() == folded }
        }
        if let listing { return listing.account }
        let member = state.contacts.values.first { $0.groups.contains { $0.lowercased() == folded } }
        return member?.preferredAccount ?? state.currentAccount
    }

    private static func listedGroup(_ name: String, state: ClientState) -> String? {
        state.rosterGroups.values.lazy.flatMap { $0 }.first { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    private static func rosterError(_ text: String) -> AppAction { .dispatch(.notice(.error(text))) }

    /// Applies `/roster TEXT` (empty clears the filter) and says what it found, since the roster pane is hidden on
    /// narrow terminals.
    public mutating func filterRoster(_ text: String, state: ClientState) -> [AppAction] {
        roster.setFilter(text, state: state)
        guard !roster.filter.isEmpty else { return [.dispatch(.notice(.info("roster filter cleared")))] }
        let total = roster.cache.sorted.count
        let found = "roster filter \"\(roster.filter)\": \(roster.contactCount) of \(total) contacts"
        let rooms = roster.rooms.isEmpty ? "" : ", \(roster.rooms.count) rooms"
        let hint = roster.entryCount > 0 ? " — Alt+Up/Down to pick, Alt+Enter to open, /roster to clear" : ""
        return [.dispatch(.notice(.info(found + rooms + hint)))]
    }
}
