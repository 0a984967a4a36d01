import Foundation
import NatterEngine
import NatterModel

extension InterfaceState {
    /// Alt+Up/Down move the roster cursor one entry, Alt+PageUp/PageDown a page; Alt+Enter opens the entry under
    /// it; Escape puts the cursor away. Alt keeps these apart from the input line's own Up/Down (history).
    mutating func rosterKey(_ key: Key, state: ClientState, now: Date) -> [AppAction]? {
        switch key {
        case .altKey(.up): roster.move(by: -1, state: state)
        case .altKey(.down): roster.move(by: 1, state: state)
        case .altKey(.pageUp): roster.move(by: -rosterPage, state: state)
        case .altKey(.pageDown): roster.move(by: rosterPage, state: state)
        case .altKey(.enter):
            guard let intents = roster.open(state: state) else {
                return [.dispatch(.notice(.info("pick a contact or room with Alt+Up/Down first, then Alt+Enter")))]
            }
            // Opening a window leaves this one, which ends the typing notification here.
            return (composing.stop(now: now) + intents).map { .dispatch($0) }
        case .escape where roster.cursor != nil:
            roster.clearCursor()
        default:
            return nil
        }
        return []
    }

    private var rosterPage: Int { max(1, roster.pageHeight - 1) }

    /// Applies `/roster TEXT` (empty clears the filter) and says what it found, since the roster pane is hidden on
    /// narrow terminals.
    public mutating func filterRoster(_ text: String, state: ClientState) -> [AppAction] {
        roster.setFilter(text, state: state)
        guard !roster.filter.isEmpty else { return [.dispatch(.notice(.info("roster filter cleared")))] }
        let total = roster.cache.sorted.count
        let found = "roster filter \"\(roster.filter)\": \(roster.contactCount) of \(total) contacts"
        let rooms = roster.groups.isEmpty ? "" : ", \(roster.groups.count) rooms"
        let hint = roster.entryCount > 0 ? " — Alt+Up/Down to pick, Alt+Enter to open, /roster to clear" : ""
        return [.dispatch(.notice(.info(found + rooms + hint)))]
    }
}
