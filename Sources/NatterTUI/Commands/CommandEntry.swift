import NatterEngine

/// One `/command`: the names it answers to, its line in `/help`, and what it does.
///
/// A new command is a new entry in `CommandParser.table`, not another case in a switch.
struct CommandEntry: Sendable {
    /// What a handler gets: the parsed words and the raw text after the command name.
    struct Input: Sendable {
        var name: String
        var arguments: [String]
        var rest: Substring
    }

    var names: [String]
    var help: String
    var run: @Sendable (CommandParser, Input, ClientState) -> [AppAction]

    init(
        _ names: [String], help: String, _ run: @escaping @Sendable (CommandParser, Input, ClientState) -> [AppAction]
    ) {
        self.names = names
        self.help = help
        self.run = run
    }
}
