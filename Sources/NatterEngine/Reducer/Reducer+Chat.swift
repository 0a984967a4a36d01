import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: ChatIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .send(let text, let id):
            return send(text, to: id, in: &state, now: now)
        case .composing(let id, let composing):
            guard id.jid != nil || id.kind == .conference || id.kind == .thread else { return [] }
            let command = AdapterCommand.chat(.typing(id, composing: composing))
            // Typing is a courtesy: an account that cannot signal it stays quiet rather than nagging per keystroke.
            guard case .ready(let key) = route(command, on: id.account, for: id, in: state) else { return [] }
            return [.adapter(key, command)]
        case .editLast, .deleteLast, .retryFailed, .cancelPending:
            return applyCorrection(intent, to: &state, now: now)
        case .loadOlderHistory(let id):
            guard let conversation = state.conversations[id], conversation.hasMoreHistory else { return [] }
            let oldestKey = conversation.messages.first { $0.serverKey != nil }?.serverKey
            let command = AdapterCommand.chat(.fetchHistory(id, before: oldestKey, limit: historyPageSize))
            switch route(command, on: id.account, for: id, in: state) {
            case .offline:
                post(.warning, "offline: older history will load when reconnected", at: now, in: &state)
                return []
            case .unable(let reason):
                post(.error, reason, at: now, in: &state)
                return []
            case .ready(let key):
                guard !conversation.isLoadingHistory else { return [] }
                state.conversations[id]?.isLoadingHistory = true
                return [.adapter(key, command)]
            }
        }
    }

    private func send(_ text: String, to id: ConversationID, in state: inout ClientState, now: Date) -> [Effect] {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        var message = Message(
            id: makeMessageID(), conversation: id, sender: selfJID(on: id.account, in: state), text: text,
            timestamp: now, isOutgoing: true, delivery: .pending)
        let command = AdapterCommand.chat(.send(localID: message.id, to: id, text: text))
        let route = route(command, on: id.account, for: id, in: state)
        if case .unable(let reason) = route {
            post(.error, "message not sent: \(reason)", at: now, in: &state)
            return []
        }
        ensureConversation(id, in: &state)
        ensureWindow(.conversation(id), in: &state)
        let size = text.utf8.count
        if size > maximumMessageBytes {
            // Kept in scrollback as failed, so the text is not lost and can be copied out and split.
            let reason = "too long (\(size / 1024) KiB; the limit is \(maximumMessageBytes / 1024) KiB)"
            message.delivery = .failed(reason)
            insert(message, into: &state.conversations[id]!)
            post(.error, "message not sent: \(reason)", at: now, in: &state)
            return [.persist(message)]
        }
        insert(message, into: &state.conversations[id]!)
        guard case .ready(let key) = route else {
            let label = prefix(id.account, in: state)
            post(.warning, "\(label)offline: message queued, it will be sent once on reconnect", at: now, in: &state)
            return [.persist(message)]
        }
        return [.persist(message), .adapter(key, command)]
    }

    /// The conversation belongs to the adapter that first spoke for it, so later commands for it go there.
    func claim(_ id: ConversationID, for source: SourceKey, in state: inout ClientState) {
        if state.owners[id] == nil { state.owners[id] = source.protocolKind }
    }
}
