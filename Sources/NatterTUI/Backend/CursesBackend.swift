import CNcursesw
import Glibc

/// The only code that talks to curses: sets the terminal up, copies `ScreenFrame` panes into curses windows,
/// reads keys, and puts everything back on exit. Only used from the UI thread.
final class CursesBackend {
    typealias Window = UnsafeMutablePointer<WINDOW>

    private(set) var rows: Int
    private(set) var columns: Int
    var windows: [PaneID: Window] = [:]
    var drawn: [PaneID: Pane] = [:]
    var palette: ColorPalette
    var attributes: [StyleRole: attr_t] = [:]
    /// Runs with their own effects or colour (a sender's format, a nick): made on first use, kept per theme.
    var styledAttributes: [StyledKey: attr_t] = [:]
    struct StyledKey: Hashable {
        var role: StyleRole
        var style: RunStyle
    }
    var encoder = CellEncoder { value in Int(natter_wcwidth(value)) }
    /// The window keys are read from; curses refreshes it inside `wget_wch`, so it must be one we keep current.
    var inputWindow: Window?
    /// Codes curses assigned to Alt+arrow and friends; they differ per terminal, so they are looked up at start.
    var extendedKeys: [Int32: Key] = [:]
    private var isActive = false

    init(theme: Theme) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        // Wide characters need a UTF-8 locale; a bare "C" locale is common in containers and over ssh.
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        SignalRelay.saveTerminalModes()
        // Curses waits this long after ESC for the rest of a sequence; 25 ms keeps Alt+key snappy.
        set_escdelay(25)
        guard initscr() != nil else { throw .cursesFailed("initscr") }
        isActive = true
        cbreak()
        noecho()
        nonl()
        intrflush(natter_stdscr(), false)
        // Before the first frame: the layout needs the terminal's widths for emoji sequences.
        let measured = TerminalProbe.clusterWidths()
        ClusterWidths.useTerminal(measured)
        encoder = CellEncoder(terminal: measured) { value in Int(natter_wcwidth(value)) }
        rows = Int(natter_lines())
        columns = Int(natter_cols())
        var usable = theme
        if !has_colors() {
            usable = theme.withoutColors()
        } else {
            start_color()
            use_default_colors()
        }
        palette = ColorPalette(
            theme: usable, colors: has_colors() ? Int(natter_colors()) : 0, maxPairs: Int(natter_color_pairs()))
        installPalette()
        // curses only builds its table of extended keys once keypad mode is on, so turn it on before asking.
        keypad(natter_stdscr(), true)
        extendedKeys = Self.lookUpExtendedKeys()
        wnoutrefresh(natter_stdscr())
        writeRaw("\u{1B}[?2004h")
    }

    deinit { shutdown() }

    func shutdown() {
        guard isActive else { return }
        isActive = false
        for window in windows.values { delwin(window) }
        windows.removeAll()
        writeRaw("\u{1B}[?2004l")
        endwin()
    }

    /// Switches theme at runtime (`/theme NAME`): new colour pairs, then a full repaint in them.
    func apply(_ theme: Theme) {
        let usable = has_colors() ? theme : theme.withoutColors()
        palette = ColorPalette(
            theme: usable, colors: has_colors() ? Int(natter_colors()) : 0, maxPairs: Int(natter_color_pairs()))
        installPalette()
        invalidate()
    }

    /// Takes the new size from the tty after SIGWINCH and forgets every pane so the next frame repaints all.
    func resize() {
        var newRows: Int32 = 0
        var newColumns: Int32 = 0
        if natter_terminal_size(STDOUT_FILENO, &newRows, &newColumns) == 0 {
            resizeterm(newRows, newColumns)
        }
        rows = Int(natter_lines())
        columns = Int(natter_cols())
        invalidate()
    }

    /// Repaint everything on the next draw, from a blank terminal (C-l, resize).
    func invalidate() {
        for window in windows.values { delwin(window) }
        windows.removeAll()
        drawn.removeAll()
        inputWindow = nil
        werase(natter_stdscr())
        wnoutrefresh(natter_stdscr())
        clearok(natter_curscr(), true)
    }

    func writeRaw(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    private func installPalette() {
        styledAttributes.removeAll()
        installPairs(from: 0)
        for role in StyleRole.allCases { attributes[role] = Self.value(of: palette.entry(for: role)) }
    }

    func installPairs(from first: Int) {
        for (index, pair) in palette.pairs.enumerated().dropFirst(first) {
            init_pair(Int16(index + 1), Int16(pair.0), Int16(pair.1))
        }
    }

    static func value(of entry: ColorPalette.Entry) -> attr_t {
        var value = natter_color_pair(Int32(entry.pair))
        if entry.attributes.contains(.bold) { value |= natter_a_bold() }
        if entry.attributes.contains(.dim) { value |= natter_a_dim() }
        if entry.attributes.contains(.reverse) { value |= natter_a_reverse() }
        if entry.attributes.contains(.underline) { value |= natter_a_underline() }
        if entry.attributes.contains(.italic) { value |= natter_a_italic() }
        return value
    }
}
