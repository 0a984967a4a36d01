/// A mouse report, in screen cells from the top left (0-based), once `mouse = true` turned reporting on.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The left button went down.
        case press
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }

    /// The button bits of a curses `MEVENT` in our terms; releases, motion and other buttons are nil.
    public struct Masks: Sendable {
        public var press: UInt
        public var click: UInt
        public var wheelUp: UInt
        public var wheelDown: UInt

        public init(press: UInt, click: UInt, wheelUp: UInt, wheelDown: UInt) {
            self.press = press
            self.click = click
            self.wheelUp = wheelUp
            self.wheelDown = wheelDown
        }
    }

    public static func decode(buttons: UInt, row: Int, column: Int, masks: Masks) -> MouseEvent? {
        guard row >= 0, column >= 0 else { return nil }
        if buttons & masks.wheelUp != 0 { return MouseEvent(.wheelUp, row: row, column: column) }
        if buttons & masks.wheelDown != 0 { return MouseEvent(.wheelDown, row: row, column: column) }
        if buttons & (masks.press | masks.click) != 0 { return MouseEvent(.press, row: row, column: column) }
        return nil
    }
}
