import Foundation
import NatterEngine
import NatterModel

/// Finds where a message names the user: whole words only, ignoring case, so "alice" highlights "Alice:" and
/// "@alice" but not "malice".
enum Highlighter {
    /// The account's own names: its address's local part and, when the roster knows it, its display name.
    static func names(for account: AccountID, state: ClientState) -> [String] {
        guard let identity = state.accounts[account]?.identity else { return [] }
        var names = [identity.local]
        if let contact = state.contacts[identity.bare], contact.displayName != identity.local {
            names.append(contact.displayName)
        }
        return names.filter { !$0.isEmpty }
    }

    static func mentions(_ text: String, anyOf names: [String]) -> Bool {
        names.contains { !ranges(of: $0, in: text).isEmpty }
    }

    /// Every whole-word, case-insensitive occurrence of `name` in `text`.
    static func ranges(of name: String, in text: String) -> [Range<String.Index>] {
        guard !name.isEmpty else { return [] }
        var found: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let range = text.range(of: name, options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isWordCharacter(before) && !isWordCharacter(after) { found.append(range) }
            searchStart = range.upperBound
        }
        return found
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }
}
