extension CommandParser {
    /// One line per command, shown in the console by `/help`.
    public static let helpLines: [String] = [
        "/msg NAME [text]     open a chat with NAME (bob → bob@domain, or a contact's name)",
        "/join ROOM           join a room (lounge → lounge@domain)",
        "/part [ROOM]         leave ROOM, or the current room",
        "/presence STATE [text]  available | away | dnd | xa | offline, with an optional status",
        "/who [ROOM]          list who is in the current room (or ROOM) in the console",
        "/close               close the current window",
        "/win N               go to window N (also Alt+1..9)",
        "/older               load older history (also PageUp at the top)",
        "/roster [TEXT]       show only contacts and rooms whose name or address contains TEXT; /roster shows all",
        "/clear               clear the current window",
        "/quit                leave Natter",
        "keys: Ctrl+N/P next/previous window · Alt+A next unread · Tab completes · PgUp/PgDn scroll, Alt+End bottom",
        "roster: Alt+Up/Down pick a contact or room (Alt+PgUp/PgDn by page), Alt+Enter opens it, Esc puts it away",
        "editing: C-a C-e C-b C-f C-d C-k C-u C-w C-y, Alt+B/F words, Up/Down history; pastes stay one message",
    ]

    static func help(topic: String?) -> [AppAction] {
        var lines = helpLines
        if let topic {
            let wanted = "/" + topic.trimmingPrefix("/").lowercased()
            let matching = helpLines.filter { $0.hasPrefix(wanted + " ") }
            if !matching.isEmpty { lines = matching }
        }
        return [.dispatch(.activate(.console))] + lines.map { .dispatch(.notice(.info($0))) }
    }
}
