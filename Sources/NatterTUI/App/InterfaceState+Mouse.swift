import Foundation
import NatterEngine
import NatterModel

extension InterfaceState {
    /// Rows the wheel scrolls per notch, as most terminals' own scrollback does.
    static let wheelRows = 3

    /// With `mouse = true`: the wheel scrolls the chat (or moves the roster cursor over the roster); a click on a
    /// window in the status bar (`[2:bob]`, or a number in `[Act: 2,4]`) opens it; a click on a roster entry opens
    /// it (a group's line folds or unfolds).
    mutating func mouse(_ event: MouseEvent, state: ClientState, now: Date) -> [AppAction] {
        let layout = ScreenModel.layout(rows: rows, columns: columns)
        let inBody = event.row >= layout.bodyTop && event.row < layout.bodyTop + layout.bodyHeight
        let inRoster = inBody && event.column < layout.rosterWidth
        switch event.kind {
        case .wheelUp where inRoster, .wheelDown where inRoster:
            roster.move(by: event.kind == .wheelUp ? -Self.wheelRows : Self.wheelRows, state: state)
        case .wheelUp where inBody:
            let window = state.activeWindow
            if chatMetrics.window == window && chatMetrics.reachedTop { return pageUp(state: state) }
            scrollOffsets[window] = scrollOffset(of: window) + Self.wheelRows
        case .wheelDown where inBody:
            scroll(down: Self.wheelRows, state: state)
        case .press where event.row == rows - 2:
            let status = ScreenModel().statusRow(state: state, ui: self, width: columns, now: now)
            guard let number = Self.windowNumber(atColumn: event.column, in: status) else { return [] }
            return (composing.stop(now: now) + [.activateNumber(number)]).map { .dispatch($0) }
        case .press where inRoster:
            roster.refresh(state: state)
            let row = event.row - layout.bodyTop + roster.top
            guard row < roster.rowCount, case .entry(let entry) = roster.content(ofRow: row) else { return [] }
            roster.place(onEntry: entry, state: state)
            return rosterOpen(state: state, now: now)
        default:
            break
        }
        return []
    }

    /// The window a status-bar column names: inside `[N:title]`, or on a number of `[Act: 2,4]`.
    static func windowNumber(atColumn column: Int, in row: ScreenRow) -> Int? {
        let characters = Array(row.text)
        var cells = 0
        var hit: Int?
        for (index, character) in characters.enumerated() {
            let width = DisplayWidth.of(character)
            if column < cells + width {
                hit = index
                break
            }
            cells += width
        }
        guard let hit, characters[hit] != "[", characters[hit] != "]",
            let open = characters[...hit].lastIndex(of: "["),
            !characters[open...hit].contains("]"),
            let close = characters[hit...].firstIndex(of: "]")
        else { return nil }
        let inside = characters[(open + 1)..<close]
        if inside.starts(with: "Act: ") {
            guard characters[hit].isNumber else { return nil }
            var start = hit
            while start > open && characters[start - 1].isNumber { start -= 1 }
            var end = hit
            while end + 1 < close && characters[end + 1].isNumber { end += 1 }
            return Int(String(characters[start...end]))
        }
        let digits = inside.prefix { $0.isNumber }
        guard !digits.isEmpty, inside.dropFirst(digits.count).first == ":" else { return nil }
        return Int(String(digits))
    }
}
