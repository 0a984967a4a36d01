import NatterEngine
import NatterModel

extension RosterNavigator {
    /// The cursor's entry, if it is still in the (filtered, unfolded) list.
    var cursorIndex: Int? { cursor.flatMap { entryIndex(of: $0) } }

    /// Moves the cursor `delta` entries (negative is up). Without a cursor it appears on the active window's entry,
    /// or on the first entry shown, and the first press only places it there.
    mutating func move(by delta: Int, state: ClientState) {
        refresh(state: state)
        guard entryCount > 0 else {
            cursor = nil
            return
        }
        var index: Int
        if let current = cursorIndex {
            index = current + delta
        } else if cursor != nil {
            // Its entry vanished: continue from where it was.
            index = cursorEntry
        } else if let active = state.activeWindow.conversationID.flatMap({ entryIndex(of: $0) }) {
            index = active + delta
        } else {
            index = firstEntry(fromRow: top)
        }
        index = min(max(0, index), entryCount - 1)
        cursor = entry(at: index)
        cursorEntry = index
    }

    /// Puts the cursor on a given entry (a mouse click).
    mutating func place(onEntry index: Int, state: ClientState) {
        refresh(state: state)
        guard index >= 0, index < entryCount else { return }
        cursor = entry(at: index)
        cursorEntry = index
    }

    mutating func clearCursor() {
        cursor = nil
    }

    /// What Alt+Enter does with the cursor's entry: a 1:1 chat, a join for a room not yet joined, else the window.
    /// A group's line has no window: nil, as without a cursor.
    mutating func open(state: ClientState) -> [Intent]? {
        refresh(state: state)
        guard let index = cursorIndex else { return nil }
        switch line(ofEntry: index) {
        case .group:
            return nil
        case .room(let id, _):
            cursor = nil
            if case .room(let room) = id.target, state.rooms[id]?.joined != true {
                return [.joinRoom(room, account: id.account)]
            }
            return [.openConversation(id)]
        case .contact(let contact, _):
            cursor = nil
            return [.openConversation(.direct(contact.jid, account: contact.preferredAccount ?? .default))]
        }
    }

    /// Scrolls the least needed to show the cursor (or, without one, the active window's entry) on a page of
    /// `height` rows, and keeps the list from ending above the bottom of the pane.
    mutating func scroll(height: Int, width: Int, state: ClientState) {
        pageHeight = max(1, height)
        paneWidth = width
        let focus = cursorIndex ?? state.activeWindow.conversationID.flatMap { entryIndex(of: $0) }
        if let focus {
            var row = row(ofEntry: focus)
            // The first entry under a header brings its header along.
            while row > 0, case .header = content(ofRow: row - 1) { row -= 1 }
            let focusRow = self.row(ofEntry: focus)
            if row < top { top = row } else if focusRow >= top + pageHeight { top = focusRow - pageHeight + 1 }
        }
        top = min(max(0, top), max(0, rowCount - pageHeight))
    }

    private func firstEntry(fromRow row: Int) -> Int {
        for candidate in row..<rowCount {
            if case .entry(let index) = content(ofRow: candidate) { return index }
        }
        return 0
    }
}
