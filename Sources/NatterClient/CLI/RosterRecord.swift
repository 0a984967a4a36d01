import Foundation
import NatterModel

/// One contact as `natter roster --json` prints it: what a script needs to act on without parsing columns.
struct RosterRecord: Encodable {
    struct Source: Encodable {
        var account: String
        var `protocol`: String
        var name: String?
        var groups: [String]
        var presence: String
        var status: String?
    }

    var address: String
    var name: String
    var presence: String
    var status: String?
    var groups: [String]
    /// Every account that knows this contact, in the order the engine prefers them for a chat.
    var accounts: [String]
    var sources: [Source]

    /// Remote text is sanitised here too: a script may print it straight to a terminal.
    init(_ contact: Contact) {
        address = contact.jid.bareString
        name = TextSanitizer.line(contact.displayName)
        presence = contact.presence.rawValue
        status = contact.statusText.map(TextSanitizer.line)
        groups = contact.groups.map(TextSanitizer.line)
        accounts = contact.accounts.map(\.rawValue)
        sources = contact.sources.map { source in
            Source(
                account: source.account.rawValue, protocol: source.protocolKind.rawValue,
                name: source.name.map(TextSanitizer.line), groups: source.groups.map(TextSanitizer.line),
                presence: source.presence.rawValue, status: source.statusText.map(TextSanitizer.line))
        }
    }

    static func json(_ contacts: [Contact]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(contacts.map(RosterRecord.init)), as: UTF8.self)
    }
}
