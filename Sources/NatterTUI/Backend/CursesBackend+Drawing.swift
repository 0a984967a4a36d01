import CNcursesw
import Glibc

extension CursesBackend {
    /// Copies the panes that changed since the last frame into their windows and updates the terminal once.
    func draw(_ frame: ScreenFrame) {
        let live = Set(frame.panes.map(\.id))
        for id in PaneID.allCases where !live.contains(id) { dropWindow(id) }
        for pane in frame.panes {
            let window = window(for: pane)
            if drawn[pane.id] == pane { continue }
            werase(window)
            for (index, row) in pane.rows.enumerated() { put(row, at: index, in: window) }
            wnoutrefresh(window)
            drawn[pane.id] = pane
        }
        if let cursor = frame.cursor, let input = windows[.input] {
            curs_set(1)
            wmove(input, 0, Int32(cursor.column))
            wnoutrefresh(input)
        } else {
            curs_set(0)
        }
        doupdate()
    }

    private func put(_ row: ScreenRow, at line: Int, in window: Window) {
        wmove(window, Int32(line), 0)
        for run in row.runs {
            let attributes = attributeValue(of: run)
            natter_wattrset(window, attributes)
            var units: [wchar_t] = []
            for character in run.text {
                guard let cluster = encoder.wholeCluster(character) else {
                    units += encoder.encode(character).map { wchar_t(bitPattern: $0) }
                    continue
                }
                write(&units, to: window)
                let chars = cluster.map { wchar_t(bitPattern: $0) }
                _ = natter_add_cluster(window, chars, Int32(chars.count), attributes)
            }
            write(&units, to: window)
        }
    }

    private func write(_ units: inout [wchar_t], to window: Window) {
        guard !units.isEmpty else { return }
        units.append(0)
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) although the cell is drawn.
        _ = waddnwstr(window, units, Int32(units.count - 1))
        units.removeAll(keepingCapacity: true)
    }

    private func attributeValue(of run: StyledRun) -> attr_t {
        guard let style = run.style else { return attributes[run.role] ?? 0 }
        let key = StyledKey(role: run.role, style: style)
        if let known = styledAttributes[key] { return known }
        let pairsBefore = palette.pairs.count
        let value = Self.value(of: palette.entry(for: run.role, style: style))
        installPairs(from: pairsBefore)
        styledAttributes[key] = value
        return value
    }

    private func window(for pane: Pane) -> Window {
        if let existing = windows[pane.id], Int(natter_getmaxy(existing)) == pane.height,
            Int(natter_getmaxx(existing)) == pane.width, Int(getbegy(existing)) == pane.top,
            Int(getbegx(existing)) == pane.left
        {
            return existing
        }
        dropWindow(pane.id)
        let created = newwin(Int32(pane.height), Int32(pane.width), Int32(pane.top), Int32(pane.left))!
        scrollok(created, false)
        leaveok(created, pane.id != .input)
        if pane.id == .input {
            keypad(created, true)
            nodelay(created, true)
            inputWindow = created
        }
        windows[pane.id] = created
        return created
    }

    private func dropWindow(_ id: PaneID) {
        guard let window = windows.removeValue(forKey: id) else { return }
        if inputWindow == window { inputWindow = nil }
        delwin(window)
        drawn[id] = nil
    }
}
