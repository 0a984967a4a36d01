import Foundation
import NatterEngine
import NatterModel

/// Turns a submitted input line into actions: `/commands` into intents, plain text into a message.
public struct CommandParser: Sendable {
    public init() {}

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
        let arguments = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        switch name {
        case "msg", "query", "m": return message(rest, state: state)
        case "join", "j": return join(arguments, state: state)
        case "part", "leave": return part(arguments, state: state)
        case "presence", "status": return presence(arguments, rest: String(rest))
        case "away": return presence(["away"] + arguments, rest: "away " + rest)
        case "back": return [.dispatch(.setPresence(.available, status: nil))]
        case "close", "wc": return close(state: state)
        case "win", "w", "window": return window(arguments)
        case "next": return [.dispatch(.activateNext)]
        case "prev": return [.dispatch(.activatePrevious)]
        case "clear":
            return state.activeWindow == .console ? [.dispatch(.clearConsole)] : [.clearWindow(state.activeWindow)]
        case "quit", "exit", "q": return [.dispatch(.quit)]
        case "help", "h", "?": return Self.help(topic: arguments.first)
        case "older", "history": return older(state: state)
        case "roster", "filter": return [.filterRoster(String(rest))]
        case "who", "names": return who(arguments, state: state)
        default: return [Self.error("unknown command /\(name) — type /help for the list")]
        }
    }

    static func error(_ text: String) -> AppAction { .dispatch(.notice(.error(text))) }

    private func sendPlain(_ text: String, state: ClientState) -> [AppAction] {
        guard let id = state.activeWindow.conversationID else {
            return [Self.error("this is the console: /msg NAME to start a chat, or /help")]
        }
        return [.dispatch(.send(text: text, to: id))]
    }

    private func message(_ rest: Substring, state: ClientState) -> [AppAction] {
        switch Self.recipient(in: rest, state: state) {
        case .failure(let error):
            return [Self.error(error.description)]
        case .success(let recipient):
            let id = ConversationID.direct(recipient.jid)
            var actions: [AppAction] = [.dispatch(.openConversation(id))]
            if !recipient.text.isEmpty { actions.append(.dispatch(.send(text: String(recipient.text), to: id))) }
            return actions
        }
    }

    private func join(_ arguments: [String], state: ClientState) -> [AppAction] {
        guard let name = arguments.first else { return [Self.error("usage: /join ROOM")] }
        let roomByName = state.rooms.values.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        guard let room = roomByName?.jid ?? JID(String(name.trimmingPrefix("#")), defaultDomain: state.domain) else {
            return [Self.error("/join: \(name) is not a valid room address")]
        }
        return [.dispatch(.joinRoom(room.bare))]
    }

    private func part(_ arguments: [String], state: ClientState) -> [AppAction] {
        if let name = arguments.first {
            guard let room = JID(String(name.trimmingPrefix("#")), defaultDomain: state.domain) else {
                return [Self.error("/part: \(name) is not a valid room address")]
            }
            return [.dispatch(.leaveRoom(room.bare))]
        }
        guard case .conversation(.room(let room)) = state.activeWindow else {
            return [Self.error("/part: this window is not a room; say which: /part ROOM")]
        }
        return [.dispatch(.leaveRoom(room))]
    }

    private func presence(_ arguments: [String], rest: String) -> [AppAction] {
        guard let word = arguments.first, let presence = Presence(userInput: word) else {
            return [Self.error("usage: /presence available|away|dnd|xa|offline [status text]")]
        }
        let status = rest.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        return [.dispatch(.setPresence(presence, status: status.isEmpty ? nil : status))]
    }

    private func close(state: ClientState) -> [AppAction] {
        guard state.activeWindow != .console else { return [Self.error("/close: the console stays open")] }
        return [.dispatch(.closeWindow(state.activeWindow))]
    }

    private func window(_ arguments: [String]) -> [AppAction] {
        guard let first = arguments.first, let number = Int(first), number >= 1 else {
            return [Self.error("usage: /win N")]
        }
        return [.dispatch(.activateNumber(number))]
    }

    private func older(state: ClientState) -> [AppAction] {
        guard let id = state.activeWindow.conversationID else { return [Self.error("/older: open a chat first")] }
        return [.dispatch(.loadOlderHistory(id))]
    }

    /// `bob` → a roster contact whose display name or local part is `bob`, else `bob@<domain>`.
    static func resolveContact(_ name: String, state: ClientState) -> JID? {
        if !name.contains("@") {
            let lowered = name.lowercased()
            if let contact = state.contacts[JID(local: lowered, domain: state.domain)] { return contact.jid }
            if let contact = state.contacts.values.first(where: { $0.displayName.lowercased() == lowered }) {
                return contact.jid
            }
        }
        return JID(name, defaultDomain: state.domain)?.bare
    }
}
