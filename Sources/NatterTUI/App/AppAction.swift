import NatterEngine

/// What handling a key or a command asks of the app: engine intents, plus the few things only the UI owns.
public enum AppAction: Sendable, Equatable {
    case dispatch(Intent)
    /// `/clear` in a conversation: hide what is there now without deleting it from the engine.
    case clearWindow(WindowID)
    /// Repaint every cell (C-l), for when something else scribbled on the terminal.
    case redrawAll
    /// `/roster TEXT` narrows the roster to matching contacts and rooms; an empty text shows them all again.
    case filterRoster(String)
    /// `/theme NAME`: a built-in theme or a theme file, applied at once.
    case setTheme(String)
    /// `/nicklist [on|off]`: show, hide or (nil) toggle the member list of room windows.
    case showMembers(Bool?)
    /// `/search text` in the active window (an empty text steps to the next match); the app asks the cache.
    case search(String)
    /// `/lastlog text`: matching lines from every conversation's cache.
    case lastlog(String)
    /// `/help keys`: the bindings in force, which only the interface knows.
    case showKeyBindings
    /// Ask a question on the input line without echoing the answer (`/gateway reg`'s password).
    case promptSecret(SecretPrompt)
}
