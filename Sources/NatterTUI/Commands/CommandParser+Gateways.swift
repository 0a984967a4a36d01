import NatterEngine
import NatterModel

/// Gateways onto other chat servers (docs/protocols/gateways.md), carried by the Zimbra IM adapter. `/gateways`
/// opens (or refreshes) the gateways window, which follows every state change live (`ScreenModel+Gateways`).
extension CommandParser {
    static let gatewayCommands: [CommandEntry] = [
        CommandEntry(
            ["gateways"], help: "/gateways            live view: gateway services, your registrations, their states"
        ) {
            _, _, _ in
            [.dispatch(.gateways(.open))]
        },
        CommandEntry(
            ["gateway"],
            help: "/gateway reg SERVICE NAME | unreg SERVICE | reconnect SERVICE [ACCOUNT]  bridge onto another server"
        ) { _, input, state in
            let usage = "usage: /gateway reg SERVICE NAME | unreg SERVICE | reconnect SERVICE [ACCOUNT]"
            var arguments = input.arguments
            guard let operation = arguments.first?.lowercased(), arguments.count >= 2 else {
                return [Self.error(usage)]
            }
            let needed = ["reg", "register"].contains(operation) ? 3 : 2
            var account = state.currentAccount
            // The gateways window shows every account's services; a trailing account name says whose is meant.
            if arguments.count == needed + 1 {
                let named = AccountID(arguments.removeLast())
                guard state.accounts[named] != nil else {
                    return [Self.error("/gateway: there is no account named \(named) (\(usage))")]
                }
                account = named
            }
            let service = arguments[1].lowercased()
            switch (operation, arguments.count) {
            case ("reg", 3), ("register", 3):
                // The password never goes through the command line, its history or the screen.
                return [.promptSecret(.gatewayPassword(service: service, name: arguments[2], account: account))]
            case ("unreg", 2), ("unregister", 2):
                return [.dispatch(.gateways(.unregister(service: service, account: account)))]
            case ("reconnect", 2):
                return [.dispatch(.gateways(.reconnect(service: service, account: account)))]
            default:
                return [Self.error(usage)]
            }
        },
    ]
}
