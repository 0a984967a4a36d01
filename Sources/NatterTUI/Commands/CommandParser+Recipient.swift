import NatterEngine
import NatterModel

extension CommandParser {
    /// Who `/msg` is for and the text after the name.
    struct Recipient: Sendable, Equatable {
        var jid: JID
        var text: Substring
    }

    /// Names longer than this many words are not tried, which bounds the work on a big roster.
    static let longestNameInWords = 6

    /// Resolves the start of `/msg`'s arguments to a contact, trying in order:
    /// 1. a name in double quotes (`"Bob Martin" hi`) or an address with `@`;
    /// 2. the longest run of two or more leading words that is a contact's whole display name (case-insensitive),
    ///    so `/msg Bob Martin` reaches "Bob Martin" instead of sending "Martin" to bob@;
    /// 3. the first word as a contact's local part, so `/msg bob hello there` goes to bob@ (unless someone is
    ///    literally called "Bob Hello");
    /// 4. the first word as one contact's display name;
    /// 5. the first word as an address in our domain, for people not on the roster.
    ///
    /// Fails when the name is not an address or is the display name of several contacts.
    static func recipient(in arguments: Substring, state: ClientState) -> Result<Recipient, RecipientError> {
        if arguments.first == "\"", let close = arguments.dropFirst().firstIndex(of: "\"") {
            let name = arguments[arguments.index(after: arguments.startIndex)..<close]
            let text = arguments[arguments.index(after: close)...].drop { $0.isWhitespace }
            let named = contacts(namedAnyOf: [normalisedName(String(name))], state: state)[0]
            if named.count > 1 { return .failure(.ambiguous(normalisedName(String(name)), matches: named)) }
            guard let jid = named.first ?? resolveContact(String(name), state: state) else {
                return .failure(.notAnAddress(name))
            }
            return .success(Recipient(jid: jid, text: text))
        }
        let words = arguments.split(whereSeparator: \.isWhitespace).prefix(longestNameInWords)
        guard let first = words.first else { return .failure(.missingName) }
        func after(_ word: Substring) -> Substring { arguments[word.endIndex...].drop { $0.isWhitespace } }
        if !first.contains("@") {
            let wanted = (1...words.count).map { words.prefix($0).joined(separator: " ").lowercased() }
            let found = contacts(namedAnyOf: wanted, state: state)
            func resolved(_ length: Int) -> Result<Recipient, RecipientError> {
                let jids = found[length]
                guard jids.count == 1 else { return .failure(.ambiguous(wanted[length], matches: jids)) }
                return .success(Recipient(jid: jids[0], text: after(words[length])))
            }
            if let length = found.lastIndex(where: { !$0.isEmpty }), length > 0 { return resolved(length) }
            let local = JID(local: first.lowercased(), domain: Self.domain(state))
            if let contact = state.contacts[local] { return .success(Recipient(jid: contact.jid, text: after(first))) }
            if !found[0].isEmpty { return resolved(0) }
        }
        guard let jid = JID(String(first), defaultDomain: Self.domain(state))?.bare else {
            return .failure(.notAnAddress(first))
        }
        return .success(Recipient(jid: jid, text: after(first)))
    }

    /// For each wanted (normalised) name, the contacts displayed under it, by address; one pass over the roster.
    static func contacts(namedAnyOf wanted: [String], state: ClientState) -> [[JID]] {
        var found = Array(repeating: [JID](), count: wanted.count)
        for contact in state.contacts.values {
            if let index = wanted.firstIndex(of: normalisedName(contact.displayName)) {
                found[index].append(contact.jid)
            }
        }
        return found.map { $0.sorted() }
    }

    /// A display name as it is typed: sanitised, lowercased, runs of spaces as one.
    static func normalisedName(_ name: String) -> String {
        TextSanitizer.line(name).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
