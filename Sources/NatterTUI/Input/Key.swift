/// A key press after decoding escape sequences, in the terms the line editor and the app act on.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lowercased: `.control("a")` for C-a.
    case control(Character)
    /// Alt (Meta) plus a character, sent by terminals as ESC followed by it.
    case alt(Character)
    /// Alt plus a key that is not a character: Alt+Up, Alt+PageDown, Alt+Enter. Terminals send these as CSI
    /// sequences with modifier 3 (`ESC [1;3A`, `ESC [5;3~`), or as ESC followed by the plain key.
    indirect case altKey(Key)
    case enter
    case tab
    case backTab
    case backspace
    case delete
    case escape
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case insert
    case function(Int)
    /// A complete bracketed paste, newlines included.
    case paste(String)
    case resize
    /// A click or wheel turn (only with `mouse = true`).
    case mouse(MouseEvent)
}
