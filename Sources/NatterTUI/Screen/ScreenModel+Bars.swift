import Foundation
import NatterEngine
import NatterModel

extension ScreenModel {
    func titleRow(state: ClientState, width: Int) -> ScreenRow {
        var text: String
        switch state.activeWindow {
        case .console:
            text = "Natter console — /help lists the commands"
        case .conversation(let id):
            let title = TextSanitizer.line(state.title(of: state.activeWindow))
            switch id.target {
            case .direct(let jid):
                text = "\(title) <\(jid.bareString)>"
                if let contact = state.contacts[jid] {
                    text += " — " + contact.presence.label
                    if let status = contact.statusText, !status.isEmpty { text += ": " + TextSanitizer.line(status) }
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
                text = "\(id.kind.rawValue): \(title)"
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

    /// `[online] alice@natter.test [1:console] [2:bob(3)] … notice`, with the active window highlighted.
    func statusRow(state: ClientState, ui: InterfaceState, width: Int, now: Date) -> ScreenRow {
        var row = ScreenRow()
        appendAccounts(state: state, to: &row, now: now)
        for (index, window) in state.windows.enumerated() {
            let title = TextLayout.truncate(TextSanitizer.line(state.title(of: window)), to: 16, ellipsis: true)
            let unread = window.conversationID.flatMap { state.conversations[$0]?.unread } ?? 0
            var label = "\(index + 1):\(title)"
            if unread > 0 { label += "(\(unread))" }
            let role: StyleRole = window == state.activeWindow ? .statusActive : unread > 0 ? .statusUnread : .statusBar
            row.append("[", .statusBar)
            row.append(label, role)
            row.append("] ", .statusBar)
        }
        if let marker = invitationMarker(state: state) { row.append(marker, .statusAlert) }
        if let notice = state.statusNotice {
            row.append(TextSanitizer.line(notice.text), notice.level == .info ? .statusBar : .statusAlert)
        }
        return row.fitted(to: width, fill: .statusBar)
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
            return
        }
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

    /// The input line and the cursor column; multi-line input shows its line count and `⏎` for each break.
    func inputRow(ui: inout InterfaceState, width: Int) -> (ScreenRow, Int) {
        var row = ScreenRow()
        let lines = ui.editor.lineCount
        if lines > 1 { row.append("[\(lines) lines] ", .inputMarker) }
        row.append("> ", .inputMarker)
        let prefixWidth = row.width
        let view = ui.editor.view(width: max(2, width - prefixWidth))
        row.append(view.text)
        return (row.fitted(to: width, fill: .text), min(width - 1, prefixWidth + view.cursorColumn))
    }
}
