import NatterEngine

/// One input line per window, as irssi and WeeChat keep it: a draft stays in the window where it was typed. The
/// editor (with its history and kill buffer, which are shared) holds the active window's draft; the others wait
/// in `drafts`.
extension InterfaceState {
    /// Makes the editor show `window`'s draft, putting the previous window's away. Called before every key and
    /// every frame, so a window switched by a key, a command or the engine (a `/msg`) is followed at once.
    public mutating func follow(_ window: WindowID) {
        guard window != editorWindow else { return }
        let current = editor.unsent
        drafts[editorWindow] = current.text.isEmpty ? nil : current
        editor.restore(drafts.removeValue(forKey: window))
        editorWindow = window
    }

    /// The unsent text of `window`, whether it is on screen or waiting.
    public func draft(of window: WindowID) -> String {
        window == editorWindow ? editor.string : String(drafts[window]?.text ?? [])
    }
}

extension LineEditor {
    /// The text and cursor of an unsent line.
    public struct Draft: Sendable, Equatable {
        var text: [Character]
        var cursor: Int
    }

    var unsent: Draft { Draft(text: text, cursor: cursor) }

    /// Shows `draft` (an empty line for nil), leaving history browsing.
    mutating func restore(_ draft: Draft?) {
        text = draft?.text ?? []
        cursor = min(draft?.cursor ?? 0, text.count)
        scrollStart = 0
        historyIndex = nil
    }
}
