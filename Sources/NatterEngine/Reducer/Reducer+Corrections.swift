import Foundation
import NatterModel

/// Second thoughts about one's own messages: editing or deleting the newest sent one, sending a failed one
/// again, and taking a pending one back out of the outbox.
extension Reducer {
    func applyCorrection(_ intent: ChatIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .editLast(let id, let text):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                post(.error, "usage: /edit new text (to delete the message: /delete)", at: now, in: &state)
                return []
            }
            return correctLastSent(
                in: id, command: { .chat(.edit(id, serverKey: $0, text: text)) }, in: &state, now: now
            ) {
                message in
                message.text = text
                message.isEdited = true
            }
        case .deleteLast(let id):
            return correctLastSent(in: id, command: { .chat(.delete(id, serverKey: $0)) }, in: &state, now: now) {
                message in
                message.text = ""
                message.isDeleted = true
            }
        case .retryFailed(let id):
            return retry(in: id, state: &state, now: now)
        case .cancelPending(let id):
            guard let index = lastOwn(in: id, state: state, where: { $0.delivery == .pending }) else {
                post(.error, "no pending (⧗) message in this window", at: now, in: &state)
                return []
            }
            let removed = state.conversations[id]!.messages.remove(at: index)
            let online = route(.chat(.send(localID: removed.id, to: id, text: "")), on: id.account, for: id, in: state)
            // Online, the message is on the wire already and only its ack is missing: it may still arrive.
            let caveat = online == .offline ? "" : " (if it already reached the server, it was delivered)"
            post(.info, "cancelled: \(removed.text.prefix(40))\(caveat)", at: now, in: &state)
            return [.forget(messageID: removed.id, account: id.account)]
        case .send, .composing, .loadOlderHistory:
            return []
        }
    }

    private func lastOwn(in id: ConversationID, state: ClientState, where test: (Message) -> Bool) -> Int? {
        state.conversations[id]?.messages.lastIndex { $0.isOutgoing && !$0.isDeleted && test($0) }
    }

    private func correctLastSent(
        in id: ConversationID, command makeCommand: (String) -> AdapterCommand, in state: inout ClientState,
        now: Date, change: (inout Message) -> Void
    ) -> [Effect] {
        guard let index = lastOwn(in: id, state: state, where: { $0.serverKey != nil }),
            let key = state.conversations[id]!.messages[index].serverKey
        else {
            post(.error, "you have no sent message in this window to change", at: now, in: &state)
            return []
        }
        let command = makeCommand(key)
        switch route(command, on: id.account, for: id, in: state) {
        case .offline:
            post(.warning, "offline: messages can be changed once reconnected", at: now, in: &state)
            return []
        case .unable(let reason):
            post(.error, reason, at: now, in: &state)
            return []
        case .ready(let source):
            change(&state.conversations[id]!.messages[index])
            return [.persist(state.conversations[id]!.messages[index]), .adapter(source, command)]
        }
    }

    private func retry(in id: ConversationID, state: inout ClientState, now: Date) -> [Effect] {
        guard
            let index = lastOwn(in: id, state: state, where: { if case .failed = $0.delivery { true } else { false } })
        else {
            post(.error, "no failed (✗) message in this window", at: now, in: &state)
            return []
        }
        let message = state.conversations[id]!.messages[index]
        guard message.text.utf8.count <= maximumMessageBytes else {
            post(.error, "still too long to send: split it and send the parts", at: now, in: &state)
            return []
        }
        let command = AdapterCommand.chat(.send(localID: message.id, to: id, text: message.text))
        let route = route(command, on: id.account, for: id, in: state)
        if case .unable(let reason) = route {
            post(.error, "message not sent: \(reason)", at: now, in: &state)
            return []
        }
        state.conversations[id]!.messages[index].delivery = .pending
        let persist = Effect.persist(state.conversations[id]!.messages[index])
        guard case .ready(let source) = route else {
            post(.warning, "offline: message queued, it will be sent once on reconnect", at: now, in: &state)
            return [persist]
        }
        return [persist, .adapter(source, command)]
    }
}
