import ArgumentParser
import Foundation
import NatterEngine
import NatterModel

/// `natter roster`: prints contacts with their presence, one per line, tab-separated for `cut` and `awk`.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Print the contact list with presence.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Seconds to wait for the server.")
    var timeout: Double = 15

    func run() throws {
        try ClientSession.reportingErrors {
            let session = try ClientSession.open(connection, interactive: false)
            defer { session.close() }
            let state = try session.waitUntil(timeout: timeout, "the roster") { [account = session.primaryAccount] in
                $0.accounts[account]?.isSynchronized == true
            }
            for contact in state.sortedContacts {
                let name = TextSanitizer.line(contact.displayName)
                let status = contact.statusText.map { "\t" + TextSanitizer.line($0) } ?? ""
                print("\(contact.jid.bareString)\t\(name)\t\(contact.presence.rawValue)\(status)")
            }
        }
    }
}
