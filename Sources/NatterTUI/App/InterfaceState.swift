import Foundation
import NatterEngine
import NatterModel

/// Everything the UI owns that the engine does not: the input line, scroll positions, the terminal size.
///
/// Pure: `handle(_:state:now:)` maps a key to actions and updates this value, so key bindings, scrolling and the
/// typing-notification throttle are unit-tested without a terminal.
public struct InterfaceState: Sendable {
    public var editor = LineEditor()
    /// An open question whose answer is not shown (`SecretPrompt`), and the line that collects it.
    public var secretPrompt: SecretPrompt?
    var secret = LineEditor()
    public var rows: Int
    public var columns: Int
    /// Rows scrolled up from the newest line, per window; absent means following the bottom.
    public var scrollOffsets: [WindowID: Int] = [:]
    /// Per scrolled-up window, what was newest, so the view can stay put as messages arrive below.
    var scrollAnchors: [WindowID: ScrollAnchor] = [:]
    /// `/clear` in a conversation hides what came before this moment.
    public var clearedBefore: [WindowID: Date] = [:]
    /// What the last rendered chat pane could show, so PageUp knows when it reached the oldest loaded line.
    public var chatMetrics = ChatMetrics()
    /// The roster's sort, filter, keyboard cursor and scroll position.
    var roster = RosterNavigator()
    /// `[keys]` from config.toml over the defaults.
    public var keyBindings = KeyBindings.defaults
    var completion: TabCompletion?
    var composing = ComposingTracker()
    /// The window whose draft the editor holds, and the drafts of the others.
    var editorWindow: WindowID = .console
    var drafts: [WindowID: LineEditor.Draft] = [:]
    /// `/search` in a window: its matches and the one shown.
    var search: SearchState?
    /// When Ctrl+C last came, so a second one soon after quits.
    var lastInterrupt: Date?
    /// When the console was last on screen: newer notices make it "low" activity.
    public var consoleSeen = Date.distantPast
    /// Words besides the user's own names that raise a window to highlight (`highlight_words` in config.toml).
    public var highlightWords: [String] = []
    /// Whether room windows show their member list (Alt+m, `/nicklist`).
    public var showsMembers = true
    let parser = CommandParser()

    /// Fed back from the screen model after each render.
    public struct ChatMetrics: Sendable, Equatable {
        public var window: WindowID = .console
        public var pageHeight = 1
        /// PageUp/PageDown distance: a scrolled page (one row goes to the MORE marker) less a row of overlap, the
        /// same in both directions so PageUp then PageDown comes back to the bottom.
        public var scrollStep = 1
        public var reachedTop = false
        public init() {}
    }

    public init(rows: Int = 24, columns: Int = 80) {
        self.rows = rows
        self.columns = columns
    }

    public func scrollOffset(of window: WindowID) -> Int { scrollOffsets[window] ?? 0 }

    public mutating func handle(_ key: Key, state: ClientState, now: Date) -> [AppAction] {
        follow(state.activeWindow)
        // A key between two Ctrl+C makes the second a fresh one: only Ctrl+C twice in a row quits.
        lastInterrupt = nil
        if key != .tab { completion = nil }
        if let actions = secretKey(key) { return actions }
        if let actions = boundKey(key, state: state, now: now) { return actions }
        if let actions = windowKey(key, state: state, now: now) { return actions }
        let before = editor.string
        switch editor.handle(key) {
        case .submit(let line):
            scrollOffsets[state.activeWindow] = nil
            var actions = parser.parse(line, state: state).flatMap { action in
                action == .showKeyBindings ? keyBindingHelp() : [action]
            }
            actions += composing.stop(now: now).map { .dispatch($0) }
            return actions
        case .edited:
            guard editor.string != before else { return [] }
            return composing.edited(text: editor.string, in: state.activeWindow, now: now).map { .dispatch($0) }
        case .ignored:
            return []
        }
    }

    /// Keys that act on windows and are not in the binding table: Alt+1…9/0, and End on an empty line.
    private mutating func windowKey(_ key: Key, state: ClientState, now: Date) -> [AppAction]? {
        switch key {
        case .alt(let character) where character.wholeNumberValue != nil:
            let number = character.wholeNumberValue!
            // Leaving a window ends the typing notification there.
            return (composing.stop(now: now) + [.activateNumber(number == 0 ? 10 : number)]).map { .dispatch($0) }
        // End on an empty input line has nothing to move, so it returns to the newest line as Alt+End does.
        case .end where editor.string.isEmpty && scrollOffset(of: state.activeWindow) > 0:
            scrollOffsets[state.activeWindow] = nil
            search = nil
            return []
        default:
            return nil
        }
    }

    private var page: Int { max(1, chatMetrics.scrollStep) }

    mutating func pageUp(state: ClientState) -> [AppAction] {
        let window = state.activeWindow
        if chatMetrics.window == window && chatMetrics.reachedTop {
            guard let id = window.conversationID, state.conversations[id]?.hasMoreHistory == true else { return [] }
            return [.dispatch(.loadOlderHistory(id))]
        }
        scrollOffsets[window] = scrollOffset(of: window) + page
        return []
    }

    /// When the view on screen changes by itself (the gateways window's next countdown second), set by each render.
    public var viewDeadline: Date?

    /// When the composing throttle next needs attention (to send "stopped typing" after idling), or the view must
    /// be drawn again.
    public var nextDeadline: Date? { [composing.idleDeadline, viewDeadline].compactMap { $0 }.min() }

    /// Time passed with no key: an idle typist stops being announced as typing.
    public mutating func tick(now: Date) -> [AppAction] {
        composing.tick(now: now).map { .dispatch($0) }
    }
}
