import Foundation
import NatterModel

extension Reducer {
    func apply(_ event: ChatEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        let account = source.account
        switch event {
        case .received(let message):
            claim(message.conversation, for: source, in: &state)
            return received(message, live: true, in: &state)
        case .acked(let localID, let serverKey, let timestamp):
            guard let (id, _) = locate(id: localID, on: account, in: state) else { return [] }
            // The server's copy may already be here (a note to self, or history fetched before a resend's ack):
            // keep our local message and drop the twin. A key belongs to one conversation, so look only there.
            var effects: [Effect] = []
            if let serverKey,
                let twin = state.conversations[id]!.messages.lastIndex(where: {
                    $0.serverKey == serverKey && $0.id != localID
                })
            {
                let removed = state.conversations[id]!.messages.remove(at: twin)
                effects.append(.forget(messageID: removed.id, account: account))
            }
            return effects
                + updateMessage(id: localID, on: account, in: &state) { message in
                    message.delivery = .sent
                    message.serverKey = serverKey ?? message.serverKey
                    if let timestamp { message.timestamp = timestamp }
                }
        case .failed(let localID, let reason):
            post(.error, "message not sent: \(reason)", at: now, in: &state)
            return updateMessage(id: localID, on: account, in: &state) { $0.delivery = .failed(reason) }
        case .edited(let serverKey, let text):
            return updateMessage(serverKey: serverKey, on: account, in: &state) { message in
                message.text = text
                message.isEdited = true
            }
        case .deleted(let serverKey):
            return updateMessage(serverKey: serverKey, on: account, in: &state) { message in
                message.text = ""
                message.isDeleted = true
            }
        case .typing(let id, let user, let composing):
            return typing(user.bare, in: id, composing: composing, state: &state, now: now)
        case .historyLoaded(let id, let messages, let hasMore):
            claim(id, for: source, in: &state)
            return historyLoaded(messages, into: id, hasMore: hasMore, in: &state)
        case .historyFailed(let id, let reason):
            state.conversations[id]?.isLoadingHistory = false
            post(
                .warning, "history for \(state.title(of: .conversation(id))) unavailable: \(reason)", at: now,
                in: &state)
            return []
        case .caughtUp(let messages, let hasMore):
            return caughtUp(messages, hasMore: hasMore, from: source, in: &state, now: now)
        case .readMarker(let id, let key):
            readElsewhere(id, upTo: key, in: &state)
            return []
        }
    }

    private func caughtUp(
        _ messages: [Message], hasMore: Bool, from source: SourceKey, in state: inout ClientState, now: Date
    ) -> [Effect] {
        var effects = messages.flatMap { message in
            claim(message.conversation, for: source, in: &state)
            return received(message, live: false, in: &state)
        }
        state.accounts[source.account]?.adapters[source.protocolKind]?.catchUpPages += 1
        // The adapter moved its cursor past this page before reporting it, so the next page starts there.
        guard hasMore, let cursor = state.accounts[source.account]?.cursors[source.protocolKind] else { return effects }
        let pages = state.accounts[source.account]?.adapters[source.protocolKind]?.catchUpPages ?? catchUpPageLimit
        if pages < catchUpPageLimit {
            effects.append(.adapter(source, .chat(.catchUp(after: cursor, limit: catchUpPageSize))))
        } else {
            let label = prefix(source.account, in: state)
            post(
                .warning, "\(label)more messages arrived while you were away; open a conversation to load them",
                at: now, in: &state)
        }
        return effects
    }

    /// `live`: pushed as it happened. Caught-up messages open their windows without fetching: after a long absence
    /// that would be one history request per conversation at once, and the catch-up already holds what was missed.
    private func received(_ incoming: Message, live: Bool, in state: inout ClientState) -> [Effect] {
        let id = incoming.conversation
        // A key belongs to one conversation: checking only that one keeps a flood of arrivals linear.
        if let key = incoming.serverKey,
            state.conversations[id]?.messages.contains(where: { $0.serverKey == key }) == true
        {
            return []
        }
        // A window opened by this message shows what was said before it, as `/msg` does.
        let opens =
            live && !state.windows.contains(.conversation(id))
            && !(state.conversations[id]?.messages.contains { $0.serverKey != nil } ?? false)
        ensureConversation(id, in: &state)
        ensureWindow(.conversation(id), in: &state)
        var message = incoming
        if message.sender == state.accounts[id.account]?.identity?.bare { message.isOutgoing = true }
        insert(message, into: &state.conversations[id]!)
        state.conversations[id]!.typing.remove(message.sender)
        state.typingDeadlines[.init(conversation: id, user: message.sender)] = nil
        if !message.isOutgoing && state.activeWindow != .conversation(id) {
            state.conversations[id]!.unread += 1
        }
        noteReceiptsOwed(for: message, in: &state)
        return [.persist(message)] + (opens ? fetchRecentHistory(id, unlessLoaded: false, in: &state) : [])
    }

    private func updateMessage(
        id: String? = nil, serverKey: String? = nil, on account: AccountID, in state: inout ClientState,
        _ change: (inout Message) -> Void
    ) -> [Effect] {
        guard let (conversation, index) = locate(id: id, serverKey: serverKey, on: account, in: state) else {
            return []
        }
        change(&state.conversations[conversation]!.messages[index])
        return [.persist(state.conversations[conversation]!.messages[index])]
    }

    private func historyLoaded(
        _ messages: [Message], into id: ConversationID, hasMore: Bool, in state: inout ClientState
    ) -> [Effect] {
        ensureConversation(id, in: &state)
        var effects: [Effect] = []
        let me = state.accounts[id.account]?.identity?.bare
        let newestKnown = state.conversations[id]!.messages.last { $0.serverKey != nil }
        for var message in messages {
            let duplicate = state.conversations[id]!.messages.contains { existing in
                existing.id == message.id || (message.serverKey != nil && existing.serverKey == message.serverKey)
            }
            guard !duplicate else { continue }
            if message.sender == me { message.isOutgoing = true }
            insert(message, into: &state.conversations[id]!)
            effects.append(.persist(message))
            // A page fetched while messages are arriving can hold one the server stored after the newest we had;
            // its live copy is then dropped as a duplicate, so it counts as arrived here.
            if let newestKnown, !message.isOutgoing, isLater(message, than: newestKnown),
                state.activeWindow != .conversation(id)
            {
                state.conversations[id]!.unread += 1
                noteReceiptsOwed(for: message, in: &state)
            }
        }
        state.conversations[id]!.hasMoreHistory = hasMore
        state.conversations[id]!.isLoadingHistory = false
        return effects
    }

    /// Server keys order messages where the protocol's keys are numbers; elsewhere the server's timestamps do.
    private func isLater(_ message: Message, than other: Message) -> Bool {
        if let key = message.serverKey, let otherKey = other.serverKey,
            MessageKey.isNewer(key, than: otherKey) || MessageKey.isNewer(otherKey, than: key)
        {
            return MessageKey.isNewer(key, than: otherKey)
        }
        return message.timestamp > other.timestamp
    }
}
