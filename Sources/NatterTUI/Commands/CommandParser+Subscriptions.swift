import Foundation
import NatterEngine
import NatterModel

/// Presence subscriptions and blocking, carried by the Zimbra IM adapter (`protocols = [..., "roster"]`).
/// They act on the current account; an account without that adapter gets the engine's "cannot do" notice.
extension CommandParser {
    static let subscriptionCommands: [CommandEntry] = [
        CommandEntry(
            ["subscribe"], help: "/subscribe NAME [GROUP…]  ask to see NAME's presence, listing them in GROUPs"
        ) { parser, input, state in
            parser.withContact(input, usage: "/subscribe NAME [GROUP…]", state: state) { jid, account in
                .subscriptions(.subscribe(jid, name: nil, groups: Array(input.arguments.dropFirst()), account: account))
            }
        },
        CommandEntry(["unsubscribe"], help: "/unsubscribe NAME    stop seeing NAME's presence and unlist them") {
            parser, input, state in
            parser.withContact(input, usage: "/unsubscribe NAME", state: state) {
                .subscriptions(.unsubscribe($0, account: $1))
            }
        },
        CommandEntry(
            ["authorize"],
            help: "/authorize NAME [back]  let NAME see your presence; with back, list them and see theirs too"
        ) { parser, input, state in
            let back = input.arguments.dropFirst().first?.lowercased() == "back"
            return parser.withContact(input, usage: "/authorize NAME [back]", state: state) {
                .subscriptions(.authorize($0, addBack: back, account: $1))
            }
        },
        CommandEntry(["deny"], help: "/deny NAME           refuse NAME's request to see your presence") {
            parser, input, state in
            parser.withContact(input, usage: "/deny NAME", state: state) { .subscriptions(.deny($0, account: $1)) }
        },
        CommandEntry(["block"], help: "/block ADDRESS       hear nothing from a user or a domain (spam.test)") {
            _, input, state in
            guard let address = input.arguments.first else { return [Self.error("usage: /block ADDRESS")] }
            return [.dispatch(.subscriptions(.block(address, account: state.currentAccount)))]
        },
        CommandEntry(["allow", "unblock"], help: "/allow ADDRESS       stop blocking a user or a domain") {
            _, input, state in
            guard let address = input.arguments.first else { return [Self.error("usage: /allow ADDRESS")] }
            return [.dispatch(.subscriptions(.allow(address, account: state.currentAccount)))]
        },
        CommandEntry(["blocked"], help: "/blocked             list blocked users and domains in the console") {
            _, _, state in
            [.dispatch(.activate(.console)), .dispatch(.subscriptions(.listBlocked(account: state.currentAccount)))]
        },
    ]

    /// Resolves the first argument to an address (a contact's name, a local part, or an address) and dispatches.
    private func withContact(
        _ input: CommandEntry.Input, usage: String, state: ClientState,
        _ intent: (JID, AccountID) -> Intent
    ) -> [AppAction] {
        guard let name = input.arguments.first else { return [Self.error("usage: \(usage)")] }
        guard let jid = Self.resolveContact(name, state: state) else {
            return [Self.error("\(usage.split(separator: " ")[0]): '\(name)' is not an address")]
        }
        return [.dispatch(intent(jid, state.currentAccount))]
    }
}
