import Foundation
import NatterModel

/// The engine's only writer of `ClientState`: intents from the user and events from adapters go in, effects come out.
///
/// It is a pure function of its inputs (time arrives with every input and the id source is injected), so every rule
/// here is unit-tested without sockets or a terminal. Each feature has its own file (`Reducer+Chat.swift`,
/// `Reducer+Presence.swift`, …); this one only hands each input to its feature.
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
        let entered = state.activeWindow
        let effects: [Effect]
        switch intent {
        case .chat(let chat): effects = apply(chat, to: &state, now: now)
        case .presence(let presence): effects = apply(presence, to: &state, now: now)
        case .rooms(let rooms): effects = apply(rooms, to: &state, now: now)
        case .roster(let roster): effects = apply(roster, to: &state, now: now)
        case .groups(let groups): effects = apply(groups, to: &state, now: now)
        case .subscriptions(let subscriptions): effects = apply(subscriptions, to: &state, now: now)
        case .channels(let channels): effects = apply(channels, to: &state, now: now)
        case .conferences(let conferences): effects = apply(conferences, to: &state, now: now)
        case .threads(let threads): effects = apply(threads, to: &state, now: now)
        case .gateways(let gateways): effects = apply(gateways, to: &state, now: now)
        case .accounts(let accounts): effects = apply(accounts, to: &state, now: now)
        case .windows(let windows): effects = apply(windows, to: &state, now: now)
        case .notice(let notice):
            post(notice, in: &state)
            effects = []
        case .clearConsole:
            state.console.removeAll()
            effects = []
        case .tick(let time):
            effects = expireTyping(in: &state, now: time)
        case .quit:
            state.isQuitting = true
            effects = [.quit]
        }
        state.revision &+= 1
        return effects + followReading(enteredFrom: entered, in: &state, now: now)
    }

    /// An event from the adapter `source`; conversations in it are stamped with the source's account first.
    public func reduce(_ state: inout ClientState, event: EngineEvent, from source: SourceKey, now: Date) -> [Effect] {
        let entered = state.activeWindow
        let effects: [Effect]
        // Only chat events name conversations; stamping the others would copy every presence of a storm for nothing.
        switch event {
        case .session(let session): effects = apply(session, from: source, to: &state, now: now)
        case .chat(let chat): effects = apply(chat.stamped(account: source.account), from: source, to: &state, now: now)
        case .presence(let presence): effects = apply(presence, from: source, to: &state, now: now)
        case .rooms(let rooms): effects = apply(rooms, from: source, to: &state, now: now)
        case .roster(let roster): effects = apply(roster, from: source, to: &state, now: now)
        case .subscriptions(let subscriptions): effects = apply(subscriptions, from: source, to: &state, now: now)
        case .channels(let channels): effects = apply(channels, from: source, to: &state, now: now)
        case .conferences(let conferences): effects = apply(conferences, from: source, to: &state, now: now)
        case .threads(let threads): effects = apply(threads, from: source, to: &state, now: now)
        case .gateways(let gateways): effects = apply(gateways, from: source, to: &state, now: now)
        }
        state.revision &+= 1
        return effects + followReading(enteredFrom: entered, in: &state, now: now)
    }
}

extension Reducer {
    /// Creates the conversation on first use, titled from what we know about the peer or room.
    func ensureConversation(_ id: ConversationID, in state: inout ClientState) {
        guard state.conversations[id] == nil else { return }
        let title: String
        switch id.target {
        case .direct(let jid): title = state.contacts[jid]?.displayName ?? jid.local
        case .room(let jid): title = state.rooms[id]?.name ?? jid.local
        case .channel(let channel): title = state.channels[id].map { "#" + $0.name } ?? "#" + channel
        case .thread(let thread): title = "thread " + thread
        case .conference(let conference): title = "conference " + conference
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

    func post(_ level: Notice.Level, _ text: String, at now: Date, in state: inout ClientState) {
        post(Notice(level, text, timestamp: now), in: &state)
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

    /// Where a message with this id or server key already sits on `account`, if anywhere. Acks, edits and deletes
    /// name a message but not its conversation; pending and recent messages sit at the ends, so search from there.
    func locate(
        id: String? = nil, serverKey: String? = nil, on account: AccountID, in state: ClientState
    ) -> (ConversationID, Int)? {
        for (key, existing) in state.conversations where key.account == account {
            let index = existing.messages.lastIndex { message in
                (id != nil && message.id == id) || (serverKey != nil && message.serverKey == serverKey)
            }
            if let index { return (key, index) }
        }
        return nil
    }

    func selfJID(on account: AccountID, in state: ClientState) -> JID {
        state.accounts[account]?.identity?.bare ?? JID(local: "me", domain: state.domain(of: account))
    }

    func pendingOutgoing(on account: AccountID, in state: ClientState) -> [Message] {
        state.conversations.filter { $0.key.account == account }.values
            .flatMap { $0.messages.filter { $0.isOutgoing && $0.delivery == .pending } }
            .sorted { $0.timestamp < $1.timestamp }
    }
}
