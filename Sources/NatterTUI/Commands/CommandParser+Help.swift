extension CommandParser {
    /// One line per command, with the other names it answers to, shown in the console by `/help`; then the keys.
    public static let helpLines: [String] = table.map(helpLine) + keyLines

    static let keyLines = [
        "keys: Ctrl+N/P next/previous window · Alt+A next unread · Tab completes · PgUp/PgDn scroll, Alt+End bottom",
        "search: /search text, then Ctrl+R for older matches, Alt+End back to the bottom; /lastlog text: everywhere",
        "roster: Alt+Up/Down pick a contact or room (Alt+PgUp/PgDn by page), Alt+Enter opens it, Esc puts it away",
        "editing: C-a C-e C-b C-f C-d C-k C-u C-w C-y, Alt+B/F words, Up/Down history; pastes stay one message",
        "Ctrl+C clears the input line (Ctrl+Y brings it back); twice quickly quits · each window keeps its own draft",
        "groups: − Friends 2/5 is online/total, + when folded · Alt+Left/Right (or Alt+Enter) fold and unfold",
        "groups: Alt+R renames the group under the cursor · Alt+Delete, pressed twice, removes the group or contact",
        "presence: ● online  ⊘ busy  ◐ away  ◌ extended away  ○ offline  ? unknown while disconnected",
        "roster: Bob (asked) has not yet answered your subscription request · contacts in no group: Other Contacts",
        "status bar: [Act: 4,2] lists windows with news, highest first: highlight > private > message > low",
    ]

    /// `/msg NAME [text]   open a chat … (also /query, /m)`.
    static func helpLine(_ entry: CommandEntry) -> String {
        let aliases = entry.names.dropFirst().map { "/" + $0 }
        guard !aliases.isEmpty else { return entry.help }
        return entry.help + " (also " + aliases.joined(separator: ", ") + ")"
    }

    static func help(topic: String?) -> [AppAction] {
        var lines = helpLines
        if let topic {
            let name = topic.trimmingPrefix("/").lowercased()
            if name == "keys" { return [.dispatch(.activate(.console)), .showKeyBindings] }
            if let entry = byName[name] {
                lines = [helpLine(entry)]
            } else {
                return [.dispatch(.activate(.console)), Self.error("/help: no command /\(name); /help lists them all")]
            }
        }
        return [.dispatch(.activate(.console))] + lines.map { .dispatch(.notice(.info($0))) }
    }
}
