import NatterEngine

extension CommandParser {
    static let searchCommands: [CommandEntry] = [
        CommandEntry(
            ["search"],
            help: "/search [text]       find text in this window; again (or Ctrl+R) for the next older match"
        ) { _, input, state in
            guard state.activeWindow.conversationID != nil else {
                return [
                    .dispatch(.notice(.error("/search finds text in a conversation window; /lastlog searches all")))
                ]
            }
            return [.search(input.rest.trimmingCharacters(in: .whitespaces))]
        },
        CommandEntry(["lastlog"], help: "/lastlog text        list the lines containing text, from every conversation")
        {
            _, input, _ in
            let text = input.rest.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return [.dispatch(.notice(.error("usage: /lastlog text")))] }
            return [.lastlog(text)]
        },
    ]
}
