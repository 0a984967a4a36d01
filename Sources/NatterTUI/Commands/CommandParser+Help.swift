extension CommandParser {
    /// One line per command, shown in the console by `/help`, then the keys.
    public static let helpLines: [String] =
        table.map(\.help) + [
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
