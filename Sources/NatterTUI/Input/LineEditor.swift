/// The input line: an emacs-style editor over grapheme clusters, with a kill buffer and history.
///
/// Pure value type: `handle(_:)` edits and reports what the app must do (send, nothing, not mine), so every key
/// binding is tested without a terminal.
public struct LineEditor: Sendable, Equatable {
    /// What a key did, from the app's point of view.
    public enum Outcome: Sendable, Equatable {
        /// The text or cursor changed (or nothing happened); redraw the input line.
        case edited
        /// Enter: the line to submit. The editor is already cleared and the line is in history.
        case submit(String)
        /// Not an editing key; the app may bind it.
        case ignored
    }

    public internal(set) var text: [Character] = []
    /// Cursor position as an index into `text` (a cluster boundary by construction).
    public internal(set) var cursor = 0
    /// First visible cluster when the line is wider than the screen.
    public internal(set) var scrollStart = 0
    var killBuffer: [Character] = []
    var history: [String] = []
    /// Position while browsing history; `nil` when editing a fresh line.
    var historyIndex: Int?
    /// The unsent line saved when history browsing starts, restored on the way back down.
    var draft: [Character] = []
    public var historyLimit = 500

    public init() {}

    public var string: String { String(text) }
    public var isEmpty: Bool { text.isEmpty }
    public var lineCount: Int { text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }

    public mutating func setText(_ value: String) {
        text = Array(value)
        cursor = text.count
        historyIndex = nil
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character): insert([character])
        case .paste(let pasted): insert(Array(pasted))
        case .enter: return submit()
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .backspace, .control("h"):
            if cursor > 0 {
                text.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .control("k"): kill(cursor..<text.count)
        case .control("u"): kill(0..<cursor)
        case .control("w"): kill(wordStart(before: cursor)..<cursor)
        case .alt("d"): kill(cursor..<wordEnd(after: cursor))
        case .control("y"): insert(killBuffer)
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        case .up: historyPrevious()
        case .down: historyNext()
        default: return .ignored
        }
        return .edited
    }

    mutating func insert(_ characters: [Character]) {
        guard !characters.isEmpty else { return }
        text.insert(contentsOf: characters, at: cursor)
        cursor += characters.count
        // Inserting may merge clusters across the boundary (a combining mark typed after a letter).
        let merged = Array(String(text))
        if merged.count != text.count {
            cursor = String(text[..<cursor]).count
            text = merged
            cursor = min(cursor, text.count)
        }
    }

    mutating func kill(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        killBuffer = Array(text[range])
        text.removeSubrange(range)
        cursor = range.lowerBound
    }

    mutating func submit() -> Outcome {
        let line = String(text)
        text = []
        cursor = 0
        scrollStart = 0
        historyIndex = nil
        if !line.isEmpty && history.last != line {
            history.append(line)
            if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        }
        return .submit(line)
    }

    /// Start of the word left of `index`, skipping spaces first (readline's `unix-word-rubout` for C-w).
    func wordStart(before index: Int) -> Int {
        var position = index
        while position > 0 && !Self.isWordCharacter(text[position - 1]) { position -= 1 }
        while position > 0 && Self.isWordCharacter(text[position - 1]) { position -= 1 }
        return position
    }

    func wordEnd(after index: Int) -> Int {
        var position = index
        while position < text.count && !Self.isWordCharacter(text[position]) { position += 1 }
        while position < text.count && Self.isWordCharacter(text[position]) { position += 1 }
        return position
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        !(character.isWhitespace || character.isPunctuation)
    }
}

extension LineEditor {
    /// Replaces clusters `range` with `replacement` and leaves the cursor after it (tab completion).
    mutating func replace(_ range: Range<Int>, with replacement: String) {
        text.replaceSubrange(range, with: Array(replacement))
        cursor = range.lowerBound + replacement.count
        historyIndex = nil
    }

    /// Where the whitespace-delimited word under construction at the cursor begins.
    var currentWordStart: Int {
        var position = cursor
        while position > 0 && !text[position - 1].isWhitespace { position -= 1 }
        return position
    }
}
