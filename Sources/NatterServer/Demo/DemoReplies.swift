import Foundation

/// What the demo's carol says back: a reaction to greetings and questions, otherwise a small rotation that
/// quotes the message so it is obvious the reply belongs to it.
struct DemoReplies: Sendable {
    private var turn = 0

    static let rotation = [
        "Interesting — tell me more about “%@”.",
        "Ha, “%@” made my day 😄",
        "Noted: “%@”. I'll bring it up at standup.",
        "Hmm, “%@”? Let me think about that for a second.",
    ]

    mutating func reply(to text: String, from sender: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = trimmed.lowercased()
        let firstName = sender.split(separator: " ").first.map(String.init) ?? sender
        if ["hi", "hello", "hey", "good morning", "morning"].contains(where: { lowered.hasPrefix($0) }) {
            return "Hi \(firstName)! 👋 How's it going?"
        }
        if lowered.hasSuffix("?") {
            return "Good question, \(firstName). I'd say yes — but ask Dave, he knows the details."
        }
        let quoted = trimmed.count > 60 ? String(trimmed.prefix(57)) + "…" : trimmed
        defer { turn += 1 }
        return DemoReplies.rotation[turn % DemoReplies.rotation.count].replacingOccurrences(of: "%@", with: quoted)
    }
}
