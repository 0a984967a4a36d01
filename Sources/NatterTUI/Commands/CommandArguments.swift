/// A command line's arguments: words split at whitespace, where "double quotes" keep a name with spaces in one
/// argument (`/group rename "Old Friends" Family`). A quote with no partner is an ordinary character, so an
/// unbalanced `"` in a display name or a message never swallows the rest of the line.
enum CommandArguments {
    static func split(_ text: Substring) -> [String] {
        var words: [String] = []
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard let first = rest.first else { return words }
            let afterQuote = rest.dropFirst()
            if first == "\"", let close = afterQuote.firstIndex(of: "\"") {
                let quoted = afterQuote[..<close]
                if !quoted.isEmpty { words.append(String(quoted)) }
                rest = afterQuote[afterQuote.index(after: close)...]
            } else {
                let word = rest.prefix { !$0.isWhitespace }
                words.append(String(word))
                rest = rest.dropFirst(word.count)
            }
        }
    }
}
