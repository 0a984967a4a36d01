import Foundation
import NatterEngine
import NatterModel

/// Turns a submitted input line into actions: `/commands` into intents, plain text into a message.
public struct CommandParser: Sendable {
    public init() {}

    /// Every command, in `/help` order.
    static let table: [CommandEntry] =
        coreCommands + groupCommands + subscriptionCommands + channelsCommands + conferenceCommands
        + threadCommands + searchCommands + correctionCommands + gatewayCommands

    private static let coreCommands: [CommandEntry] = [
        CommandEntry(
            ["msg", "query", "m"],
            help: "/msg NAME [text]     open a chat with NAME (bob → bob@domain, or a contact's name)"
        ) {
            $0.message($1.rest, state: $2)
        },
        CommandEntry(["join", "j"], help: "/join ROOM           join a room (lounge → lounge@domain)") {
            $0.join($1.arguments, state: $2)
        },
        CommandEntry(["part", "leave"], help: "/part [ROOM]         leave ROOM, or the current room") {
            $0.part($1.arguments, state: $2)
        },
        CommandEntry(
            ["presence", "status"],
            help: "/presence STATE [text]  available | away | dnd | xa | offline, with an optional status"
        ) { parser, input, _ in parser.presence(input.arguments, rest: String(input.rest)) },
        CommandEntry(["away"], help: "/away [text]         set presence to away") { parser, input, _ in
            parser.presence(["away"] + input.arguments, rest: "away " + input.rest)
        },
        CommandEntry(["back"], help: "/back                set presence to available") { _, _, _ in
            [.dispatch(.setPresence(.available, status: nil))]
        },
        CommandEntry(
            ["who", "names"], help: "/who [ROOM]          list who is in this room (here) or in ROOM (in the console)"
        ) {
            $0.who($1.arguments, state: $2)
        },
        CommandEntry(
            ["accounts"], help: "/accounts            list every account with its protocols, state and last error"
        ) {
            parser, _, state in parser.accounts(state: state)
        },
        CommandEntry(["connect"], help: "/connect NAME        connect the account NAME") {
            $0.account(.connect, $1.arguments, state: $2)
        },
        CommandEntry(["disconnect"], help: "/disconnect NAME     disconnect the account NAME") {
            $0.account(.disconnect, $1.arguments, state: $2)
        },
        CommandEntry(
            ["reconnect"], help: "/reconnect [NAME]    connect again now, without waiting (after fixing a password)"
        ) {
            $0.account(.reconnect, $1.arguments, state: $2)
        },
        CommandEntry(["close", "wc"], help: "/close               close the current window") { $0.close(state: $2) },
        CommandEntry(["win", "w", "window"], help: "/win N               go to window N (also Alt+1..9)") {
            parser, input, _ in parser.window(input.arguments)
        },
        CommandEntry(["next"], help: "/next                next window (also Ctrl+N)") { _, _, _ in
            [.dispatch(.activateNext)]
        },
        CommandEntry(["prev"], help: "/prev                previous window (also Ctrl+P)") { _, _, _ in
            [.dispatch(.activatePrevious)]
        },
        CommandEntry(["older", "history"], help: "/older               load older history (also PageUp at the top)") {
            $0.older(state: $2)
        },
        CommandEntry(
            ["roster", "filter"],
            help:
                "/roster [TEXT]       show only contacts and rooms whose name or address contains TEXT; /roster shows all"
        ) { _, input, _ in [.filterRoster(String(input.rest))] },
        CommandEntry(["theme"], help: "/theme [NAME]        switch theme now: dark, light, mono or a .toml path") {
            _, input, _ in
            guard !input.rest.isEmpty else {
                return [.dispatch(.notice(.info("themes: " + Theme.builtinNames.joined(separator: ", "))))]
            }
            return [.setTheme(String(input.rest).trimmingCharacters(in: .whitespaces))]
        },
        CommandEntry(["clear"], help: "/clear               clear the current window") { _, _, state in
            state.activeWindow == .console ? [.dispatch(.clearConsole)] : [.clearWindow(state.activeWindow)]
        },
        CommandEntry(["me", "action"], help: "/me TEXT             say TEXT as an action: * alice waves") {
            parser, input, state in parser.action(input.rest, state: state)
        },
        CommandEntry(
            ["quit", "exit", "q"], help: "/quit                leave Natter (unsent messages go on the next start)"
        ) { _, _, _ in [.dispatch(.quit)] },
        CommandEntry(["help", "h", "?"], help: "/help [COMMAND]      this list, or one command's line") { _, input, _ in
            Self.help(topic: input.arguments.first)
        },
    ]

    /// Name to entry, built once from the table.
    static let byName: [String: CommandEntry] = Dictionary(
        table.flatMap { entry in entry.names.map { ($0, entry) } }, uniquingKeysWith: { first, _ in first })

    /// - Parameter state: used to resolve names against the roster and to know the current window.
    public func parse(_ line: String, state: ClientState) -> [AppAction] {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        // "//text" sends a message that starts with a slash.
        if trimmed.hasPrefix("//") { return sendPlain(String(line.drop { $0 != "/" }.dropFirst()), state: state) }
        guard trimmed.hasPrefix("/") else { return sendPlain(line, state: state) }

        let body = trimmed.dropFirst()
        let name = body.prefix { !$0.isWhitespace }.lowercased()
        let rest = body.dropFirst(name.count).drop { $0.isWhitespace }
        let arguments = CommandArguments.split(rest)
        guard let entry = Self.byName[name] else {
            return [Self.error("unknown command /\(name) — type /help for the list")]
        }
        return entry.run(self, CommandEntry.Input(name: name, arguments: arguments, rest: rest), state)
    }

    static func error(_ text: String) -> AppAction { .dispatch(.notice(.error(text))) }

    /// Bare names typed now resolve in the current account's domain.
    static func domain(_ state: ClientState) -> String { state.domain(of: state.currentAccount) }

    /// The text of an action message (XEP-0245's convention, which IRC bridges share): "/me waves" → "waves".
    static func actionText(of text: String) -> Substring? {
        guard text.hasPrefix("/me ") else { return nil }
        return text.dropFirst(4)
    }

    func action(_ rest: Substring, state: ClientState) -> [AppAction] {
        guard !rest.trimmingCharacters(in: .whitespaces).isEmpty else { return [Self.error("usage: /me TEXT")] }
        return sendPlain("/me " + rest, state: state)
    }

    /// What to say on the way out when the outbox is not empty: the cache keeps those messages and the next
    /// start sends them. Printed after the screen is restored, where it can be read.
    public static func unsentSummary(state: ClientState) -> String? {
        let pending = state.conversations.values.reduce(0) { count, conversation in
            count + conversation.messages.filter { $0.isOutgoing && $0.delivery == .pending }.count
        }
        guard pending > 0 else { return nil }
        let what = pending == 1 ? "1 unsent message" : "\(pending) unsent messages"
        return "\(what) will be sent the next time natter starts"
    }

    private func sendPlain(_ text: String, state: ClientState) -> [AppAction] {
        guard let id = state.activeWindow.conversationID else {
            return [Self.error("this is the console: /msg NAME to start a chat, or /help")]
        }
        return [.dispatch(.send(text: text, to: id))]
    }

    func message(_ rest: Substring, state: ClientState) -> [AppAction] {
        switch Self.recipient(in: rest, state: state) {
        case .failure(let error):
            return [Self.error(error.description)]
        case .success(let recipient):
            let id = state.directConversation(with: recipient.jid)
            var actions: [AppAction] = [.dispatch(.openConversation(id))]
            if !recipient.text.isEmpty { actions.append(.dispatch(.send(text: String(recipient.text), to: id))) }
            return actions
        }
    }

    func join(_ arguments: [String], state: ClientState) -> [AppAction] {
        if let thread = joinThread(arguments, state: state) { return thread }
        guard let name = arguments.first else { return [Self.error("usage: /join ROOM")] }
        let roomByName = state.rooms.values.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        let account = state.rooms.first { $0.value == roomByName }?.key.account ?? state.currentAccount
        guard let room = roomByName?.jid ?? JID(String(name.trimmingPrefix("#")), defaultDomain: Self.domain(state))
        else {
            return [Self.error("/join: \(name) is not a valid room address")]
        }
        return [.dispatch(.joinRoom(room.bare, account: account))]
    }

    func part(_ arguments: [String], state: ClientState) -> [AppAction] {
        if let name = arguments.first {
            guard let room = JID(String(name.trimmingPrefix("#")), defaultDomain: Self.domain(state)) else {
                return [Self.error("/part: \(name) is not a valid room address")]
            }
            return [.dispatch(.leaveRoom(room.bare, account: state.currentAccount))]
        }
        if let id = state.activeWindow.conversationID, id.kind == .channel { return [.dispatch(.channels(.leave(id)))] }
        guard let id = state.activeWindow.conversationID, case .room(let room) = id.target else {
            return [Self.error("/part: this window is not a room; say which: /part ROOM")]
        }
        return [.dispatch(.leaveRoom(room, account: id.account))]
    }

    func presence(_ arguments: [String], rest: String) -> [AppAction] {
        guard let word = arguments.first, let presence = Presence(userInput: word) else {
            return [Self.error("usage: /presence available|away|dnd|xa|offline [status text]")]
        }
        let status = rest.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        return [.dispatch(.setPresence(presence, status: status.isEmpty ? nil : status))]
    }

    func close(state: ClientState) -> [AppAction] {
        guard state.activeWindow != .console else { return [Self.error("/close: the console stays open")] }
        return [.dispatch(.closeWindow(state.activeWindow))]
    }

    func window(_ arguments: [String]) -> [AppAction] {
        guard let first = arguments.first, let number = Int(first), number >= 1 else {
            return [Self.error("usage: /win N")]
        }
        return [.dispatch(.activateNumber(number))]
    }

    func older(state: ClientState) -> [AppAction] {
        guard let id = state.activeWindow.conversationID else { return [Self.error("/older: open a chat first")] }
        return [.dispatch(.loadOlderHistory(id))]
    }

    /// `bob` → a roster contact whose display name or local part is `bob`, else `bob@<domain>`.
    static func resolveContact(_ name: String, state: ClientState) -> JID? {
        if !name.contains("@") {
            let lowered = name.lowercased()
            if let contact = state.contacts[JID(local: lowered, domain: domain(state))] { return contact.jid }
            if let contact = state.contacts.values.first(where: { $0.displayName.lowercased() == lowered }) {
                return contact.jid
            }
        }
        return JID(name, defaultDomain: domain(state))?.bare
    }
}
