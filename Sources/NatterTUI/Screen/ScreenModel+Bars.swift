import Foundation
import NatterEngine
import NatterModel

extension ScreenModel {
    func titleRow(state: ClientState, width: Int) -> ScreenRow {
        var text: String
        switch state.activeWindow {
        case .console:
            text = "Natter console — /help lists the commands"
        case .gateways:
            text = "Gateways onto other chat servers — live, as the servers report"
        case .conversation(let id):
            let title = TextSanitizer.line(state.title(of: state.activeWindow))
            switch id.target {
            case .direct(let jid):
                text = "\(title) <\(jid.bareString)>"
                if let contact = state.contacts[jid] {
                    if Self.isPresenceKnown(contact, state: state) {
                        text += " — " + contact.presence.label
                        if let status = contact.statusText, !status.isEmpty {
                            text += ": " + TextSanitizer.line(status)
                        }
                    } else {
                        text += " — presence unknown while disconnected"
                    }
                }
            case .room(let jid):
                text = "\(title) <\(jid.bareString)>"
                if state.rooms[id]?.joined == false { text += " (not joined)" }
                let names = CommandParser.occupantNames(of: id, state: state)
                if !names.isEmpty { text += " — \(names.count) here: " + names.joined(separator: ", ") }
            case .channel:
                text = title
                let admins = state.channels[id]?.members.filter { $0.role == .admin }.map {
                    TextSanitizer.line(state.displayName(of: $0.jid))
                }
                if let admins, !admins.isEmpty { text += " — admins: " + admins.sorted().joined(separator: ", ") }
            case .thread:
                // Thread ids are the server's (`m:1`); who is in it is what tells threads apart.
                text = title
                let names = CommandParser.occupantNames(of: id, state: state)
                if !names.isEmpty { text += " — with " + names.joined(separator: ", ") }
            case .conference:
                text = conferenceTitle(id, title: title, state: state)
            }
            // With several accounts, every window says whose it is.
            if state.hasSeveralAccounts { text = "[\(TextSanitizer.line(id.account.rawValue))] " + text }
        }
        // A long occupant list ends in "…" rather than mid-name.
        let fitted = TextLayout.truncate(" " + text, to: width, ellipsis: true)
        return ScreenRow([StyledRun(fitted, .titleBar)]).fitted(to: width, fill: .titleBar)
    }

    /// How long a notice stays in the status bar; the console keeps it.
    static let noticeLifetime: TimeInterval = 5
    /// Window names in the bar are cut to this many cells (with `…`).
    static let windowNameWidth = 16

    /// `[online] alice@natter.test (away: lunch) [1:console] [2:bob(3)] notice … [Act: 2,4]`. The activity list
    /// sits at the right edge and is laid out first, so a narrow terminal cuts the window list, never it.
    func statusRow(state: ClientState, ui: InterfaceState, width: Int, now: Date) -> ScreenRow {
        let activity = activityRow(state: state, ui: ui)
        var row = ScreenRow()
        appendAccounts(state: state, to: &row, now: now)
        let room = width - activity.width
        appendWindows(state: state, to: &row, room: room)
        if let marker = invitationMarker(state: state) { row.append(marker, .statusAlert) }
        if let notice = state.statusNotice, now.timeIntervalSince(notice.timestamp) < Self.noticeLifetime {
            row.append(TextSanitizer.line(notice.text), notice.level == .info ? .statusBar : .statusAlert)
        }
        var fitted = row.fitted(to: max(0, room), fill: .statusBar)
        fitted.runs += activity.runs
        return fitted.fitted(to: width, fill: .statusBar)
    }

    /// `[1:console] [2:bob(3)] …`: the windows in order, cut to whole labels. The active window is always among
    /// them (its place is kept first), so a narrow terminal never hides where you are; the activity list names
    /// what else needs a look.
    private func appendWindows(state: ClientState, to row: inout ScreenRow, room: Int) {
        let labels = state.windows.enumerated().map { index, window -> (label: String, role: StyleRole) in
            let title = TextLayout.truncate(
                TextSanitizer.line(state.title(of: window)), to: Self.windowNameWidth, ellipsis: true)
            let unread = window.conversationID.flatMap { state.conversations[$0]?.unread } ?? 0
            let label = "\(index + 1):\(title)" + (unread > 0 ? "(\(unread))" : "")
            let role: StyleRole = window == state.activeWindow ? .statusActive : unread > 0 ? .statusUnread : .statusBar
            return (label, role)
        }
        let cost = { (label: String) in DisplayWidth.of(label) + 3 }
        let ellipsis = 2
        let active = state.windows.firstIndex(of: state.activeWindow)
        var budget = room - row.width - ellipsis - (active.map { cost(labels[$0].label) } ?? 0)
        var shown = Set(active.map { [$0] } ?? [])
        for index in labels.indices where index != active {
            guard cost(labels[index].label) <= budget else { break }
            budget -= cost(labels[index].label)
            shown.insert(index)
        }
        var skipped = false
        for index in labels.indices {
            guard shown.contains(index) else {
                skipped = true
                continue
            }
            if skipped { row.append("… ", .statusBar) }
            skipped = false
            row.append("[", .statusBar)
            row.append(labels[index].label, labels[index].role)
            row.append("] ", .statusBar)
        }
        if skipped { row.append("… ", .statusBar) }
    }

    /// When the status bar's notice disappears, so the UI can wake to repaint without a notice of its own.
    static func noticeExpiry(state: ClientState, now: Date) -> Date? {
        guard let notice = state.statusNotice else { return nil }
        let expiry = notice.timestamp.addingTimeInterval(noticeLifetime)
        return expiry > now ? expiry : nil
    }

    /// `[Act: 2,4]`: the numbers of windows with something new, each coloured by its level, highest level first
    /// (then by number), as WeeChat's hotlist. Empty when nothing is new.
    func activityRow(state: ClientState, ui: InterfaceState) -> ScreenRow {
        var entries: [(number: Int, level: Activity)] = []
        for (index, window) in state.windows.enumerated() where window != state.activeWindow {
            let level: Activity?
            switch window {
            case .console:
                level = state.console.last.map { $0.timestamp > ui.consoleSeen } == true ? .low : nil
            case .gateways:
                // What needs the user reaches the console too, which lights up instead.
                level = nil
            case .conversation(let id):
                level = Activity.of(id, state: state, words: ui.highlightWords)
            }
            if let level { entries.append((index + 1, level)) }
        }
        guard !entries.isEmpty else { return ScreenRow() }
        entries.sort { $0.level != $1.level ? $0.level > $1.level : $0.number < $1.number }
        var row = ScreenRow([StyledRun(" [Act: ", .statusBar)])
        for (position, entry) in entries.enumerated() {
            if position > 0 { row.append(",", .statusBar) }
            row.append(String(entry.number), entry.level.role)
        }
        row.append("]", .statusBar)
        return row
    }

    /// One account: `[online] alice@natter.test`, as always. Several: `[online]` when all are, else each account
    /// that is not online (`[work: reconnecting in 4 s (…)]`), so one look says which link is down.
    private func appendAccounts(state: ClientState, to row: inout ScreenRow, now: Date) {
        let accounts = state.sortedAccounts
        guard accounts.count > 1 else {
            let connection = accounts.first?.connection ?? .offline(reason: nil)
            row.append("[", .statusBar)
            row.append(
                TextSanitizer.line(connection.summary(now: now)), connection.isOnline ? .statusBar : .statusAlert)
            row.append("] ", .statusBar)
            if let identity = accounts.first?.identity { row.append(identity.bareString + " ", .statusBar) }
            appendOwnPresence(accounts, to: &row)
            return
        }
        defer { appendOwnPresence(accounts, to: &row) }
        let down = accounts.filter { !$0.isOnline }
        guard !down.isEmpty else {
            row.append("[online] ", .statusBar)
            return
        }
        for account in down {
            row.append("[", .statusBar)
            row.append(TextSanitizer.line("\(account.id): \(account.connection.summary(now: now))"), .statusAlert)
            row.append("] ", .statusBar)
        }
    }

    /// `(away: lunch) `, irssi's `(zZzZ)`: what others see of us, unless it is plain `online`. Accounts set apart
    /// (`/presence … ACCOUNT`) show the first account's, marked with `+`.
    private func appendOwnPresence(_ accounts: [AccountState], to row: inout ScreenRow) {
        guard let first = accounts.first else { return }
        let status = first.statusText.map(TextSanitizer.line) ?? ""
        let differs = accounts.contains { $0.presence != first.presence || $0.statusText != first.statusText }
        guard first.presence != .available || !status.isEmpty || differs else { return }
        var text = first.presence.label
        if !status.isEmpty { text += ": " + status }
        row.append("(" + text + (differs ? " +" : "") + ") ", first.presence == .available ? .statusBar : .statusAlert)
    }

    /// The input line and the cursor column; multi-line input shows its line count and `⏎` for each break.
    func inputRow(ui: inout InterfaceState, width: Int) -> (ScreenRow, Int) {
        var row = ScreenRow()
        if let prompt = ui.secretPrompt {
            // Nothing of the answer is drawn, not even its length.
            row.append(prompt.label, .inputMarker)
            return (row.fitted(to: width, fill: .text), min(width - 1, row.width))
        }
        let lines = ui.editor.lineCount
        if lines > 1 { row.append("[\(lines) lines] ", .inputMarker) }
        row.append("> ", .inputMarker)
        let prefixWidth = row.width
        let view = ui.editor.view(width: max(2, width - prefixWidth))
        row.append(view.text)
        return (row.fitted(to: width, fill: .text), min(width - 1, prefixWidth + view.cursorColumn))
    }
}
