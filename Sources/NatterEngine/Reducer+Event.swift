import Foundation
import NatterModel

extension Reducer {
    func apply(_ event: EngineEvent, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .connection(let connection):
            return connectionChanged(to: connection, in: &state)
        case .authenticated(let jid):
            return authenticated(as: jid, in: &state)
        case .synchronized:
            state.isSynchronized = true
        case .rosterLoaded(let contacts):
            for var contact in contacts {
                if let known = state.contacts[contact.jid] {
                    contact.presence = known.presence
                    contact.presenceSince = known.presenceSince ?? contact.presenceSince
                }
                state.contacts[contact.jid] = contact
                state.conversations[.direct(contact.jid)]?.title = contact.displayName
            }
        case .presence(let jid, let presence, let since):
            guard jid.bare != state.account?.bare else { break }
            var contact = state.contacts[jid.bare] ?? Contact(jid: jid)
            contact.presence = presence
            contact.presenceSince = since ?? now
            state.contacts[jid.bare] = contact
            if presence == .unavailable { clearTyping(of: jid.bare, everywhere: &state) }
        case .messageReceived(let message):
            return received(message, in: &state)
        case .messageAcked(let localID, let serverKey, let timestamp):
            note(serverKey: serverKey, in: &state)
            guard let (id, _) = locate(id: localID, in: state) else { break }
            // The server's copy may already be here (a note to self, or history fetched before a resend's ack):
            // keep our local message and drop the twin. A key belongs to one conversation, so look only there.
            var effects: [Effect] = []
            if let serverKey,
                let twin = state.conversations[id]!.messages.lastIndex(where: {
                    $0.serverKey == serverKey && $0.id != localID
                })
            {
                effects.append(.forget(messageID: state.conversations[id]!.messages.remove(at: twin).id))
            }
            return effects
                + updateMessage(id: localID, in: &state) { message in
                    message.delivery = .sent
                    message.serverKey = serverKey ?? message.serverKey
                    if let timestamp { message.timestamp = timestamp }
                }
        case .messageFailed(let localID, let reason):
            post(.error("message not sent: \(reason)"), in: &state)
            return updateMessage(id: localID, in: &state) { $0.delivery = .failed(reason) }
        case .messageEdited(let serverKey, let text):
            return updateMessage(serverKey: serverKey, in: &state) { message in
                message.text = text
                message.isEdited = true
            }
        case .messageDeleted(let serverKey):
            guard let (id, index) = locate(serverKey: serverKey, in: state) else { break }
            let removed = state.conversations[id]!.messages.remove(at: index)
            return [.forget(messageID: removed.id)]
        case .typing(let id, let user, let composing):
            return typing(user.bare, in: id, composing: composing, state: &state, now: now)
        case .roomsListed(let rooms):
            for room in rooms {
                state.rooms[room.jid] = RoomInfo(
                    jid: room.jid, name: room.name, joined: state.rooms[room.jid]?.joined ?? false)
                state.conversations[.room(room.jid)]?.title = room.name
            }
        case .roomJoined(let room):
            state.rooms[room.bare, default: RoomInfo(jid: room, name: room.local)].joined = true
        case .roomOccupant(let room, let user, let presence):
            ensureConversation(.room(room.bare), in: &state)
            if presence == .unavailable {
                state.conversations[.room(room.bare)]?.occupants.remove(user.bare)
            } else {
                state.conversations[.room(room.bare)]?.occupants.insert(user.bare)
            }
        case .historyLoaded(let id, let messages, let hasMore):
            return historyLoaded(messages, into: id, hasMore: hasMore, in: &state)
        case .historyFailed(let id, let reason):
            state.conversations[id]?.isLoadingHistory = false
            post(.warning("history for \(state.title(of: .conversation(id))) unavailable: \(reason)"), in: &state)
        case .caughtUp(let messages, let hasMore):
            return caughtUp(messages, hasMore: hasMore, in: &state)
        case .notice(let notice):
            post(notice, in: &state)
        case .tick(let time):
            return expireTyping(in: &state, now: time)
        }
        return []
    }

    private func connectionChanged(to connection: ConnectionState, in state: inout ClientState) -> [Effect] {
        let wasOnline = state.connection.isOnline
        state.connection = connection
        if !connection.isOnline {
            // Indicators from a dead link would otherwise linger until their lapse.
            state.isSynchronized = false
            for key in Array(state.conversations.keys) { state.conversations[key]?.typing.removeAll() }
            state.typingDeadlines.removeAll()
        }
        switch connection {
        case .reconnecting(_, let retryAt, let reason):
            if wasOnline { post(.warning("connection lost: \(reason)"), in: &state) }
            return [.wake(at: retryAt)]
        case .offline(let reason?):
            post(.error(reason), in: &state)
        case .offline(nil), .connecting, .online:
            break
        }
        return []
    }

    /// On every (re)authentication: announce presence, rejoin rooms, flush the outbox once, then fetch what was
    /// missed — resends go first so the server's copies of them come back as duplicates of known messages.
    private func authenticated(as jid: JID, in state: inout ClientState) -> [Effect] {
        state.account = jid
        state.domain = jid.domain
        state.connection = .online
        state.isSynchronized = false
        state.catchUpPages = 0
        post(.info("connected as \(jid)"), in: &state)
        var effects: [Effect] = [.adapter(.setPresence(state.myPresence, status: nil))]
        for case .conversation(.room(let room)) in state.windows { effects.append(.adapter(.joinRoom(room))) }
        for message in pendingOutgoing(in: state) {
            effects.append(.adapter(.sendChat(localID: message.id, to: message.conversation, text: message.text)))
        }
        if let newest = state.newestServerKey {
            effects.append(.adapter(.catchUp(after: newest, limit: catchUpPageSize)))
        } else {
            for case .conversation(let id) in state.windows where id.jid != nil {
                state.conversations[id]?.isLoadingHistory = true
                effects.append(.adapter(.fetchHistory(id, before: nil, limit: historyPageSize)))
            }
        }
        return effects
    }

    private func caughtUp(_ messages: [Message], hasMore: Bool, in state: inout ClientState) -> [Effect] {
        var effects = messages.flatMap { received($0, in: &state) }
        state.catchUpPages += 1
        guard hasMore, let newest = state.newestServerKey else { return effects }
        if state.catchUpPages < catchUpPageLimit {
            effects.append(.adapter(.catchUp(after: newest, limit: catchUpPageSize)))
        } else {
            post(.warning("more messages arrived while you were away; open a conversation to load them"), in: &state)
        }
        return effects
    }

    private func received(_ incoming: Message, in state: inout ClientState) -> [Effect] {
        note(serverKey: incoming.serverKey, in: &state)
        let id = incoming.conversation
        // A key belongs to one conversation: checking only that one keeps a flood of arrivals linear.
        if let key = incoming.serverKey,
            state.conversations[id]?.messages.contains(where: { $0.serverKey == key }) == true
        {
            return []
        }
        ensureConversation(id, in: &state)
        ensureWindow(.conversation(id), in: &state)
        var message = incoming
        if let account = state.account, message.sender == account.bare { message.isOutgoing = true }
        insert(message, into: &state.conversations[id]!)
        state.conversations[id]!.typing.remove(message.sender)
        state.typingDeadlines[.init(conversation: id, user: message.sender)] = nil
        if !message.isOutgoing && state.activeWindow != .conversation(id) {
            state.conversations[id]!.unread += 1
        }
        return [.persist(message)]
    }

    private func updateMessage(
        id: String? = nil, serverKey: String? = nil, in state: inout ClientState, _ change: (inout Message) -> Void
    ) -> [Effect] {
        guard let (conversation, index) = locate(id: id, serverKey: serverKey, in: state) else { return [] }
        change(&state.conversations[conversation]!.messages[index])
        return [.persist(state.conversations[conversation]!.messages[index])]
    }

    private func typing(
        _ user: JID, in id: ConversationID, composing: Bool, state: inout ClientState, now: Date
    ) -> [Effect] {
        guard user != state.account?.bare else { return [] }
        let key = ClientState.TypingKey(conversation: id, user: user)
        guard composing else {
            state.conversations[id]?.typing.remove(user)
            state.typingDeadlines[key] = nil
            return []
        }
        ensureConversation(id, in: &state)
        state.conversations[id]!.typing.insert(user)
        let deadline = now.addingTimeInterval(typingLifetime)
        state.typingDeadlines[key] = deadline
        return [.wake(at: deadline)]
    }

    private func clearTyping(of user: JID, everywhere state: inout ClientState) {
        for key in state.typingDeadlines.keys where key.user == user {
            state.conversations[key.conversation]?.typing.remove(user)
            state.typingDeadlines[key] = nil
        }
    }

    private func expireTyping(in state: inout ClientState, now: Date) -> [Effect] {
        for (key, deadline) in state.typingDeadlines where deadline <= now {
            state.conversations[key.conversation]?.typing.remove(key.user)
            state.typingDeadlines[key] = nil
        }
        return state.typingDeadlines.values.min().map { [.wake(at: $0)] } ?? []
    }

    private func historyLoaded(
        _ messages: [Message], into id: ConversationID, hasMore: Bool, in state: inout ClientState
    ) -> [Effect] {
        ensureConversation(id, in: &state)
        var effects: [Effect] = []
        for var message in messages {
            let duplicate = state.conversations[id]!.messages.contains { existing in
                existing.id == message.id || (message.serverKey != nil && existing.serverKey == message.serverKey)
            }
            guard !duplicate else { continue }
            if let account = state.account, message.sender == account.bare { message.isOutgoing = true }
            note(serverKey: message.serverKey, in: &state)
            insert(message, into: &state.conversations[id]!)
            effects.append(.persist(message))
        }
        state.conversations[id]!.hasMoreHistory = hasMore
        state.conversations[id]!.isLoadingHistory = false
        return effects
    }
}
