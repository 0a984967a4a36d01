import Foundation
import NatterEngine
import NatterModel

/// Computes what every cell of the screen shows from the engine state and the UI's own state. No curses here:
/// the result is a `ScreenFrame` that tests compare as text and the backend copies into curses windows.
public struct ScreenModel: Sendable {
    /// Below this the layout cannot show a chat; the screen asks for a bigger terminal instead.
    public static let minimumColumns = 20
    public static let minimumRows = 5
    /// The roster only appears when the chat keeps enough room for a readable line.
    public static let rosterMinimumColumns = 60

    public var calendar: Calendar
    /// The clock before each chat and console line (`timestamp_format`).
    public var timestampFormat = TimestampFormat.standard
    /// Words besides the user's own names that make a message a highlight (`highlight_words`).
    public var highlightWords: [String] = []
    /// The nick column (`prefix_align`, `prefix_align_max`): off, or nicks padded to one width.
    public var prefixAlign = PrefixAlign.off
    public var prefixAlignMax = 12
    /// Joins, parts and presence changes as lines in room windows (`show_room_status`).
    public var showsRoomStatus = true

    public init(timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The geometry of the panes for a terminal size.
    public struct Layout: Sendable, Equatable {
        public var rosterWidth: Int
        public var bodyTop: Int
        public var bodyHeight: Int
        public var chatLeft: Int
        public var chatWidth: Int
    }

    public static func layout(rows: Int, columns: Int) -> Layout {
        let rosterWidth = columns >= rosterMinimumColumns ? min(30, max(18, columns / 5)) : 0
        return Layout(
            rosterWidth: rosterWidth, bodyTop: 1, bodyHeight: rows - 3, chatLeft: rosterWidth,
            chatWidth: columns - rosterWidth)
    }

    public mutating func render(state: ClientState, ui: inout InterfaceState, now: Date) -> ScreenFrame {
        // Only a view on screen may wake the loop; the gateways window sets its next countdown second below.
        ui.viewDeadline = nil
        let rows = ui.rows
        let columns = ui.columns
        guard rows >= Self.minimumRows, columns >= Self.minimumColumns else {
            return Self.tooSmall(rows: max(rows, 0), columns: max(columns, 0))
        }
        var layout = Self.layout(rows: rows, columns: columns)
        let membersWidth = membersWidth(state: state, ui: ui, layout: &layout)
        var panes: [Pane] = []
        panes.append(Pane(id: .title, top: 0, left: 0, width: columns, rows: [titleRow(state: state, width: columns)]))
        if layout.rosterWidth > 0 {
            let rosterRows = rosterRows(
                state: state, ui: &ui, width: layout.rosterWidth, height: layout.bodyHeight)
            panes.append(Pane(id: .roster, top: layout.bodyTop, left: 0, width: layout.rosterWidth, rows: rosterRows))
        }
        let chat =
            state.activeWindow == .gateways
            ? gatewayRows(state: state, ui: &ui, width: layout.chatWidth, height: layout.bodyHeight, now: now)
            : chatRows(state: state, ui: &ui, width: layout.chatWidth, height: layout.bodyHeight)
        panes.append(Pane(id: .chat, top: layout.bodyTop, left: layout.chatLeft, width: layout.chatWidth, rows: chat))
        if membersWidth > 0 {
            let rows = memberRows(state: state, width: membersWidth, height: layout.bodyHeight)
            panes.append(
                Pane(id: .members, top: layout.bodyTop, left: columns - membersWidth, width: membersWidth, rows: rows))
        }
        if state.activeWindow == .console { ui.consoleSeen = now }
        ui.follow(state.activeWindow)
        let status = statusRow(state: state, ui: ui, width: columns, now: now)
        panes.append(Pane(id: .status, top: rows - 2, left: 0, width: columns, rows: [status]))
        let (input, cursorColumn) = inputRow(ui: &ui, width: columns)
        panes.append(Pane(id: .input, top: rows - 1, left: 0, width: columns, rows: [input]))
        return ScreenFrame(
            rows: rows, columns: columns, panes: panes, cursor: ScreenPosition(row: rows - 1, column: cursorColumn))
    }

    static func tooSmall(rows: Int, columns: Int) -> ScreenFrame {
        var lines = Array(repeating: ScreenRow().fitted(to: columns), count: rows)
        if rows > 0 {
            lines[rows / 2] = ScreenRow([StyledRun("terminal too small", .warning)]).fitted(to: columns)
        }
        return ScreenFrame(
            rows: rows, columns: columns, panes: [Pane(id: .chat, top: 0, left: 0, width: columns, rows: lines)],
            cursor: nil)
    }

    func clock(_ date: Date) -> String {
        timestampFormat.string(from: date, calendar: calendar)
    }
}
