import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: Intent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .send(let text, let to):
            return send(text, to: to, in: &state, now: now)
        case .openConversation(let id):
            return open(id, in: &state)
        case .closeWindow(let window):
            return close(window, in: &state)
        case .activate(let window):
            activate(window, in: &state)
        case .activateNumber(let number):
            if state.windows.indices.contains(number - 1) { activate(state.windows[number - 1], in: &state) }
        case .activateNext, .activatePrevious:
            guard let current = state.windows.firstIndex(of: state.activeWindow) else { break }
            let step = intent == .activateNext ? 1 : state.windows.count - 1
            activate(state.windows[(current + step) % state.windows.count], in: &state)
        case .activateNextUnread:
            activateNextUnread(in: &state)
        case .setPresence(let presence, let status):
            state.myPresence = presence
            post(.info("presence set to \(presence.label)"), in: &state)
            return state.connection.isOnline ? [.adapter(.setPresence(presence, status: status))] : []
        case .joinRoom(let room):
            let id = ConversationID.room(room.bare)
            if state.rooms[room.bare] == nil { state.rooms[room.bare] = RoomInfo(jid: room, name: room.local) }
            var effects = open(id, in: &state)
            if state.connection.isOnline { effects.insert(.adapter(.joinRoom(room.bare)), at: 0) }
            return effects
        case .leaveRoom(let room):
            state.rooms[room.bare]?.joined = false
            state.conversations[.room(room.bare)]?.occupants = []
            let effects = close(.conversation(.room(room.bare)), in: &state)
            return effects + (state.connection.isOnline ? [.adapter(.leaveRoom(room.bare))] : [])
        case .composing(let id, let composing):
            guard state.connection.isOnline, id.jid != nil else { break }
            return [.adapter(.typing(id, composing: composing))]
        case .loadOlderHistory(let id):
            guard let conversation = state.conversations[id], conversation.hasMoreHistory else { break }
            guard state.connection.isOnline else {
                post(.warning("offline: older history will load when reconnected"), in: &state)
                break
            }
            guard !conversation.isLoadingHistory else { break }
            let oldestKey = conversation.messages.first { $0.serverKey != nil }?.serverKey
            state.conversations[id]?.isLoadingHistory = true
            return [.adapter(.fetchHistory(id, before: oldestKey, limit: historyPageSize))]
        case .notice(let notice):
            post(notice, in: &state)
        case .clearConsole:
            state.console.removeAll()
        case .quit:
            state.isQuitting = true
            return [.quit]
        }
        return []
    }

    private func send(_ text: String, to id: ConversationID, in state: inout ClientState, now: Date) -> [Effect] {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        ensureConversation(id, in: &state)
        ensureWindow(.conversation(id), in: &state)
        var message = Message(
            id: makeMessageID(), conversation: id, sender: selfJID(in: state), text: text, timestamp: now,
            isOutgoing: true, delivery: .pending)
        let size = text.utf8.count
        if size > maximumMessageBytes {
            // Kept in scrollback as failed, so the text is not lost and can be copied out and split.
            let reason = "too long (\(size / 1024) KiB; the limit is \(maximumMessageBytes / 1024) KiB)"
            message.delivery = .failed(reason)
            insert(message, into: &state.conversations[id]!)
            post(.error("message not sent: \(reason)"), in: &state)
            return [.persist(message)]
        }
        insert(message, into: &state.conversations[id]!)
        var effects: [Effect] = [.persist(message)]
        if state.connection.isOnline {
            effects.append(.adapter(.sendChat(localID: message.id, to: id, text: text)))
        } else {
            post(.warning("offline: message queued, it will be sent once on reconnect"), in: &state)
        }
        return effects
    }

    private func open(_ id: ConversationID, in state: inout ClientState) -> [Effect] {
        ensureConversation(id, in: &state)
        ensureWindow(.conversation(id), in: &state)
        activate(.conversation(id), in: &state)
        guard let conversation = state.conversations[id], state.connection.isOnline,
            conversation.hasMoreHistory, !conversation.isLoadingHistory,
            !conversation.messages.contains(where: { $0.serverKey != nil })
        else { return [] }
        state.conversations[id]?.isLoadingHistory = true
        return [.adapter(.fetchHistory(id, before: nil, limit: historyPageSize))]
    }

    private func close(_ window: WindowID, in state: inout ClientState) -> [Effect] {
        guard window != .console, let index = state.windows.firstIndex(of: window) else { return [] }
        state.windows.remove(at: index)
        if state.activeWindow == window { activate(state.windows[max(0, index - 1)], in: &state) }
        return []
    }

    private func activateNextUnread(in state: inout ClientState) {
        let start = state.windows.firstIndex(of: state.activeWindow) ?? 0
        for offset in 1...state.windows.count {
            let window = state.windows[(start + offset) % state.windows.count]
            if let id = window.conversationID, (state.conversations[id]?.unread ?? 0) > 0 {
                activate(window, in: &state)
                return
            }
        }
        state.statusNotice = .info("no unread messages")
    }
}
