import Foundation
import NatterEngine
import NatterModel

/// `/search` in a window: the matches found in the cache, and which one is on screen.
struct SearchState: Sendable, Equatable {
    var window: WindowID
    var query: String
    /// Ids of the matching messages that are in the window's scrollback, newest first.
    var matches: [String]
    var index = 0
    /// Set when the view must move to the current match on the next frame; cleared once it has.
    var jumpPending = true

    var current: String? { matches.indices.contains(index) ? matches[index] : nil }
}

extension InterfaceState {
    /// Starts a search with the cache's `matches` (oldest first), or with no text steps to the next older match.
    mutating func search(_ text: String, matches: [Message], state: ClientState) -> [AppAction] {
        guard !text.isEmpty else { return nextSearchMatch(state: state) }
        let window = state.activeWindow
        // The cache holds more than memory does; only what the window can show can be jumped to.
        let shown = Set(window.conversationID.flatMap { state.conversations[$0] }?.messages.map(\.id) ?? [])
        let found = matches.reversed().map(\.id).filter(shown.contains)
        let older = matches.count - found.count
        guard !found.isEmpty else {
            search = nil
            let hint = older > 0 ? " (\(older) in older history: /lastlog \(text))" : ""
            return [.dispatch(.notice(.info("no match for \"\(text)\" in this window\(hint)")))]
        }
        search = SearchState(window: window, query: text, matches: found)
        return [.dispatch(.notice(.info("\"\(text)\": match 1 of \(found.count) (Ctrl+R: older, Alt+End: back)")))]
    }

    /// Ctrl+R: the next older match of the window's search, wrapping to the newest.
    mutating func nextSearchMatch(state: ClientState) -> [AppAction] {
        guard var current = search, current.window == state.activeWindow else {
            return [.dispatch(.notice(.info("no search in this window: /search text")))]
        }
        current.index = (current.index + 1) % current.matches.count
        current.jumpPending = true
        search = current
        return [
            .dispatch(.notice(.info("\"\(current.query)\": match \(current.index + 1) of \(current.matches.count)")))
        ]
    }

    /// `/lastlog`: every matching line, oldest first, in the console with its conversation and time.
    static func lastlog(_ text: String, matches: [Message], state: ClientState) -> [AppAction] {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        var actions: [AppAction] = [
            .dispatch(.notice(.info("lastlog \"\(text)\": \(matches.count) line\(matches.count == 1 ? "" : "s")")))
        ]
        for message in matches {
            let window = state.title(of: .conversation(message.conversation))
            let nick =
                message.isOutgoing
                ? state.ownNick(on: message.conversation.account)
                : message.senderName ?? state.displayName(of: message.sender)
            let line = "\(window) \(formatter.string(from: message.timestamp)) <\(nick)> \(message.text)"
            actions.append(.dispatch(.notice(.info(TextSanitizer.line(line)))))
        }
        actions.append(.dispatch(.activate(.console)))
        return actions
    }
}
