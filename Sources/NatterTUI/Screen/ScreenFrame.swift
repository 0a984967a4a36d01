/// Which part of the screen a pane is; the backend keeps one curses window per pane.
public enum PaneID: Hashable, Sendable, CaseIterable {
    case title
    case roster
    case chat
    /// The member (nick) list of a room window, right of the chat.
    case members
    case status
    case input
}

/// A rectangle of the terminal and the rows to show in it.
public struct Pane: Hashable, Sendable {
    public var id: PaneID
    public var top: Int
    public var left: Int
    public var width: Int
    public var rows: [ScreenRow]

    public var height: Int { rows.count }
}

/// Everything on screen for one state: the panes and where the cursor goes.
public struct ScreenFrame: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    public var panes: [Pane]
    /// Screen position (row, column) of the input cursor.
    public var cursor: ScreenPosition?

    public func pane(_ id: PaneID) -> Pane? { panes.first { $0.id == id } }

    /// The screen as plain text, one string per row: the form snapshot tests compare.
    public func snapshot() -> [String] {
        var grid = Array(repeating: String(repeating: " ", count: columns), count: rows)
        var cells = Array(repeating: [String](repeating: " ", count: columns), count: rows)
        for pane in panes {
            for (offset, row) in pane.rows.enumerated() where pane.top + offset < rows {
                var column = pane.left
                for character in row.text {
                    let width = DisplayWidth.of(character)
                    guard column + width <= columns, width > 0 else { continue }
                    cells[pane.top + offset][column] = String(character)
                    // The second cell of a wide character holds nothing, as on a terminal.
                    if width == 2 { cells[pane.top + offset][column + 1] = "" }
                    column += width
                }
            }
        }
        for index in grid.indices { grid[index] = cells[index].joined() }
        return grid
    }
}

public struct ScreenPosition: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
