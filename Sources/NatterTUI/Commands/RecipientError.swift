import NatterModel

/// Why `/msg` could not tell who a message is for; `description` is the text for the console.
struct RecipientError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case missingName
        case notAnAddress(String)
        case ambiguous(name: String, matches: [JID])
    }

    private let kind: Kind

    static let missingName = RecipientError(kind: .missingName)
    static func notAnAddress(_ name: some StringProtocol) -> RecipientError {
        RecipientError(kind: .notAnAddress(String(name)))
    }
    static func ambiguous(_ name: String, matches: [JID]) -> RecipientError {
        RecipientError(kind: .ambiguous(name: name, matches: matches))
    }

    var description: String {
        switch kind {
        case .missingName:
            return "usage: /msg NAME [text]"
        case .notAnAddress(let name):
            return "/msg: \(name) is not a contact or a valid address"
        case .ambiguous(let name, let matches):
            let list = matches.map(\.bareString).joined(separator: ", ")
            return "/msg: \(matches.count) contacts are called \(name) (\(list)); use the address"
        }
    }
}
