import NatterEngine
import NatterModel

/// A Tab completion in progress: repeated Tab cycles through the candidates in place.
struct TabCompletion: Sendable, Equatable {
    var candidates: [String]
    var index: Int
    var start: Int
    var insertedCount: Int

    static let commands = [
        "/msg", "/join", "/part", "/presence", "/close", "/win", "/clear", "/quit", "/help", "/older", "/query",
        "/away", "/back", "/roster", "/who", "/group", "/contact",
    ]

    /// Candidates for the word `prefix` that starts at cluster `start` of `line`.
    static func candidates(for prefix: String, at start: Int, in line: String, state: ClientState) -> [String] {
        let lowered = prefix.lowercased()
        if start == 0 && prefix.hasPrefix("/") {
            return commands.filter { $0.hasPrefix(lowered) }.map { $0 + " " }
        }
        let command = line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let isFirstArgument = line.prefix(start).split(separator: " ").count == 1
        if ["/join", "/part", "/who"].contains(command) && isFirstArgument {
            return state.rooms.values.map(\.name).filter { $0.lowercased().hasPrefix(lowered) }.sorted().map {
                $0 + " "
            }
        }
        let words = CommandArguments.split(Substring(line.prefix(start)))
        if words.count >= 2, let positions = CommandParser.groupArgumentPositions["\(command) \(words[1])"],
            positions.contains(words.count)
        {
            // A name with spaces is completed in the quotes the command line needs to keep it one argument.
            let typed = lowered.hasPrefix("\"") ? String(lowered.dropFirst()) : lowered
            return CommandParser.knownGroups(state).filter { $0.lowercased().hasPrefix(typed) }
                .map { ($0.contains(" ") ? "\"\($0)\"" : $0) + " " }
        }
        var names = Set<String>()
        let addressing = ["/msg", "/query", "/m"].contains(command) && isFirstArgument
        for contact in state.contacts.values {
            if contact.jid.local.hasPrefix(lowered) {
                names.insert(addressing ? contact.jid.local : contact.displayName)
            }
            if addressing && contact.jid.bareString.hasPrefix(lowered) && lowered.contains("@") {
                names.insert(contact.jid.bareString)
            }
            let display = TextSanitizer.line(contact.displayName)
            if !addressing && !display.contains(" ") && display.lowercased().hasPrefix(lowered) {
                names.insert(display)
            }
        }
        if case .conversation(let id) = state.activeWindow, let occupants = state.conversations[id]?.occupants {
            for jid in occupants where jid.local.hasPrefix(lowered) { names.insert(jid.local) }
        }
        // Addressing someone at the start of a chat line reads "bob: ".
        let suffix = start == 0 && !addressing ? ": " : " "
        return names.sorted { $0.lowercased() < $1.lowercased() }.map { $0 + suffix }
    }
}

extension InterfaceState {
    mutating func complete(state: ClientState) {
        if var running = completion, !running.candidates.isEmpty {
            running.index = (running.index + 1) % running.candidates.count
            let candidate = running.candidates[running.index]
            editor.replace(running.start..<(running.start + running.insertedCount), with: candidate)
            running.insertedCount = candidate.count
            completion = running
            return
        }
        let start = editor.currentWordStart
        let prefix = String(editor.text[start..<editor.cursor])
        guard !prefix.isEmpty || start > 0 else { return }
        let candidates = TabCompletion.candidates(for: prefix, at: start, in: editor.string, state: state)
        guard let first = candidates.first else { return }
        editor.replace(start..<editor.cursor, with: first)
        completion = TabCompletion(candidates: candidates, index: 0, start: start, insertedCount: first.count)
    }
}
