import Foundation
import NatterModel

/// Read markers: where the user stopped reading each conversation, shared by all of their clients.
///
/// The marker moves when the user sees messages (their window is active), and reaches the other clients through
/// the conversation's adapter. The unread line a window draws is the marker as it was when the window was entered,
/// so it stays above what was new then instead of jumping down with every message read.
extension Reducer {
    /// Runs after every input: entering a window places its unread line, and an active conversation is read.
    func followReading(enteredFrom previous: WindowID, in state: inout ClientState, now: Date) -> [Effect] {
        guard let id = state.activeWindow.conversationID, let conversation = state.conversations[id] else {
            return []
        }
        if state.activeWindow != previous { state.unreadLines[id] = state.readMarkers[id] }
        guard let newest = conversation.messages.last(where: { $0.serverKey != nil })?.serverKey,
            state.readMarkers[id].map({ MessageKey.isNewer(newest, than: $0) }) ?? true
        else { return [] }
        state.readMarkers[id] = newest
        let command = AdapterCommand.chat(.markRead(id, key: newest))
        // Only conversations whose owner can carry a marker; elsewhere the position stays local.
        guard let owner = state.owners[id],
            case .ready(let source) = route(command, on: id.account, for: id, in: state),
            source.protocolKind == owner
        else { return [] }
        return [.adapter(source, command)]
    }

    /// Another client of the user read up to `key`: the conversation's unread count follows.
    func readElsewhere(_ id: ConversationID, upTo key: String, in state: inout ClientState) {
        if let known = state.readMarkers[id], !MessageKey.isNewer(key, than: known) { return }
        state.readMarkers[id] = key
        guard state.activeWindow != .conversation(id), let messages = state.conversations[id]?.messages else { return }
        state.unreadLines[id] = key
        state.conversations[id]?.unread =
            messages.reversed().prefix { message in
                message.serverKey.map { MessageKey.isNewer($0, than: key) } ?? true
            }.filter { !$0.isOutgoing }.count
    }
}

/// Server keys as the Realtime protocol has them: decimal strings that grow, zero-padded or not.
public enum MessageKey {
    /// Whether `key` names a later message than `other`; keys that are not both decimal are never ordered.
    public static func isNewer(_ key: String, than other: String) -> Bool {
        guard key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), other.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return false
        }
        let (left, right) = (key.drop { $0 == "0" }, other.drop { $0 == "0" })
        return (left.count, left) > (right.count, right)
    }
}
