import Foundation
import NatterModel

/// The engine's only writer of `ClientState`: intents from the user and events from adapters go in, effects come out.
///
/// It is a pure function of its inputs (the clock and the id source are injected), so every rule here is unit-tested
/// without sockets or a terminal.
public struct Reducer: Sendable {
    public var makeMessageID: @Sendable () -> String
    /// How long a typing indicator lasts without a `done` or a message: peers can vanish mid-sentence.
    public var typingLifetime: TimeInterval = 8
    /// How many messages per conversation stay in memory; older ones stay in the SQLite cache and on the server.
    public var scrollbackLimit = 5000
    public var historyPageSize = 50
    public var catchUpPageSize = 200
    public var catchUpPageLimit = 10
    /// Larger messages are refused locally: servers cap frames (natterd at 1 MiB) and a refused send would
    /// otherwise be retried on every reconnect.
    public var maximumMessageBytes = 256 * 1024

    public init(makeMessageID: @escaping @Sendable () -> String = { "m-" + UUID().uuidString.lowercased() }) {
        self.makeMessageID = makeMessageID
    }

    public func reduce(_ state: inout ClientState, intent: Intent, now: Date) -> [Effect] {
        let effects = apply(intent, to: &state, now: now)
        state.revision &+= 1
        return effects
    }

    public func reduce(_ state: inout ClientState, event: EngineEvent, now: Date) -> [Effect] {
        let effects = apply(event, to: &state, now: now)
        state.revision &+= 1
        return effects
    }
}

extension Reducer {
    /// Creates the conversation on first use, titled from what we know about the peer or room.
    func ensureConversation(_ id: ConversationID, in state: inout ClientState) {
        guard state.conversations[id] == nil else { return }
        let title: String
        switch id {
        case .direct(let jid): title = state.contacts[jid.bare]?.displayName ?? jid.local
        case .room(let jid): title = state.rooms[jid.bare]?.name ?? jid.local
        case .channel(let channel): title = "#" + channel
        }
        state.conversations[id] = Conversation(id: id, title: title)
    }

    func ensureWindow(_ window: WindowID, in state: inout ClientState) {
        if !state.windows.contains(window) { state.windows.append(window) }
    }

    func activate(_ window: WindowID, in state: inout ClientState) {
        guard state.windows.contains(window) else { return }
        state.activeWindow = window
        if let id = window.conversationID { state.conversations[id]?.unread = 0 }
    }

    func post(_ notice: Notice, in state: inout ClientState) {
        state.console.append(notice)
        if state.console.count > ClientState.consoleLimit {
            state.console.removeFirst(state.console.count - ClientState.consoleLimit)
        }
        state.statusNotice = notice
    }

    /// Inserts in timestamp order; arrivals are nearly always newest, so search from the end.
    func insert(_ message: Message, into conversation: inout Conversation) {
        var index = conversation.messages.endIndex
        while index > conversation.messages.startIndex,
            conversation.messages[index - 1].timestamp > message.timestamp
        {
            index -= 1
        }
        conversation.messages.insert(message, at: index)
        if conversation.messages.count > scrollbackLimit {
            conversation.messages.removeFirst(conversation.messages.count - scrollbackLimit)
            conversation.hasMoreHistory = true
        }
    }

    /// Where a message with this id or server key already sits, if anywhere. Acks, edits and deletes name a
    /// message but not its conversation; pending and recent messages sit at the ends, so search from there.
    func locate(id: String? = nil, serverKey: String? = nil, in state: ClientState) -> (ConversationID, Int)? {
        for (key, existing) in state.conversations {
            let index = existing.messages.lastIndex { message in
                (id != nil && message.id == id) || (serverKey != nil && message.serverKey == serverKey)
            }
            if let index { return (key, index) }
        }
        return nil
    }

    func selfJID(in state: ClientState) -> JID {
        state.account?.bare ?? JID(local: "me", domain: state.domain)
    }

    /// Remembers the newest key so catch-up knows where to resume. Keys compare as numbers of any padding.
    func note(serverKey: String?, in state: inout ClientState) {
        guard let serverKey else { return }
        guard let newest = state.newestServerKey else {
            state.newestServerKey = serverKey
            return
        }
        if (serverKey.count, serverKey) > (newest.count, newest) { state.newestServerKey = serverKey }
    }

    func pendingOutgoing(in state: ClientState) -> [Message] {
        state.conversations.values.flatMap { $0.messages.filter { $0.isOutgoing && $0.delivery == .pending } }
            .sorted { $0.timestamp < $1.timestamp }
    }
}
