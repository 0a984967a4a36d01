import ArgumentParser
import Foundation
import NatterEngine
import NatterModel

/// `natter roster`: prints contacts with their presence, one per line, tab-separated for `cut` and `awk`;
/// `--json` gives each contact's accounts, groups and per-source presence for scripts.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Print the contact list with presence.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Seconds to wait for the server.")
    var timeout: Double = 15

    @Flag(name: .long, help: "Print a JSON array: address, name, presence, status, groups, accounts, sources.")
    var json = false

    @Flag(
        name: .long,
        help: "Print the contacts under their groups (online/total after each), \"Other Contacts\" for those in none.")
    var groups = false

    func run() throws {
        try ClientSession.reportingErrors {
            let session = try ClientSession.open(connection, interactive: false)
            defer { session.close() }
            // Every account started for this run, so the merged list is whole; one that failed is reported and
            // the others are listed, but if none logged in the wait fails with the reason.
            let started = session.startedAccounts
            let state = try session.waitUntil(timeout: timeout, "the roster") { state in
                let synchronized = started.filter { state.accounts[$0]?.isSynchronized == true }
                let failed = started.filter { Self.failure(of: $0, in: state) != nil }
                return !synchronized.isEmpty && synchronized.count + failed.count == started.count
            }
            for account in started {
                if let reason = Self.failure(of: account, in: state) {
                    FileHandle.standardError.write(Data("natter: account \(account): \(reason)\n".utf8))
                }
            }
            if json {
                print(try RosterRecord.json(state.sortedContacts))
                return
            }
            if groups {
                print(Self.grouped(state.sortedContacts), terminator: "")
                return
            }
            for contact in state.sortedContacts {
                let name = TextSanitizer.line(contact.displayName)
                let status = contact.statusText.map { "\t" + TextSanitizer.line($0) } ?? ""
                // The TUI's words (online, busy, away, extended away, offline); --json keeps the wire names.
                print("\(contact.jid.bareString)\t\(name)\t\(contact.presence.label)\(status)")
            }
        }
    }

    /// Each group's heading with online/total, then its members indented, in the plain format's columns. A
    /// contact in several groups is listed under each.
    static func grouped(_ contacts: [Contact]) -> String {
        var members: [String: [Contact]] = [:]
        for contact in contacts {
            for group in contact.groups.isEmpty ? [otherContacts] : contact.groups {
                members[TextSanitizer.line(group), default: []].append(contact)
            }
        }
        let names = members.keys.filter { $0 != otherContacts }.sorted { $0.lowercased() < $1.lowercased() }
        var output = ""
        for name in names + (members[otherContacts] == nil ? [] : [otherContacts]) {
            let listed = members[name]!
            output += "\(name) (\(listed.filter(\.presence.isOnline).count)/\(listed.count))\n"
            for contact in listed {
                output +=
                    "  \(contact.jid.bareString)\t\(TextSanitizer.line(contact.displayName))\t\(contact.presence.rawValue)\n"
            }
        }
        return output
    }

    /// Where contacts in no group are listed, as Exchange names its default group.
    static let otherContacts = "Other Contacts"

    static func failure(of account: AccountID, in state: ClientState) -> String? {
        if case .offline(let reason?) = state.accounts[account]?.connection { return reason }
        return nil
    }
}
