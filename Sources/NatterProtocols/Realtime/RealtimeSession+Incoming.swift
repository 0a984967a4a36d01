import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterWire

extension RealtimeSession {
    /// Feeds one text frame through the session. Anything undecodable becomes a warning for the status bar and
    /// is otherwise ignored: one bad frame from a server must not cost the connection.
    public mutating func incoming(text: String, now: Date) -> Actions {
        do {
            return incoming(try RealtimeCodec.decode(text), now: now)
        } catch {
            var actions = Actions()
            let what = error.unknownType.map { "a message of unknown type '\($0)'" } ?? "a malformed message"
            actions.events.append(.session(.notice(.warning("ignored \(what) from the server: \(error)"))))
            return actions
        }
    }

    /// Feeds one decoded server message through the session.
    public mutating func incoming(_ message: RealtimeMessage, now: Date) -> Actions {
        var actions = dispatch(message, now: now)
        noteCursor(in: &actions)
        return actions
    }

    private mutating func dispatch(_ message: RealtimeMessage, now: Date) -> Actions {
        var actions = Actions()
        switch message {
        case .ack(let ack):
            acknowledged(ack, into: &actions, now: now)
        case .error(let error):
            failed(id: error.id, error, into: &actions)
        case .chat(let chat):
            if let message = self.message(from: chat, in: nil, now: now) {
                actions.events.append(.chat(.received(message)))
            }
        case .chatUpdated(let chat):
            if let key = chat.key { actions.events.append(.chat(.edited(serverKey: key, text: chat.text))) }
        case .chatDeleted(let ref):
            actions.events.append(.chat(.deleted(serverKey: ref.key)))
        case .presenceChange(let presence):
            guard let from = jid(presence.from) else { break }
            if let room = jid(presence.to)?.bare, rooms.contains(room) {
                actions.events.append(.rooms(.occupant(room: room, user: from.bare, presence.presence)))
            } else {
                let since = presence.received.flatMap(ISO8601.parse)
                actions.events.append(
                    .presence(.changed(from, presence.presence, status: presence.status, since: since)))
            }
        case .userTyping(let typing):
            guard let from = jid(typing.from), let to = jid(typing.to) else { break }
            let conversation: ConversationID = rooms.contains(to.bare) ? .room(to.bare) : .direct(from.bare)
            actions.events.append(.chat(.typing(conversation, from.bare, typing.state == .composing)))
        case .rosterUpdate(let contacts):
            actions.events.append(.roster(.loaded(rosterContacts(contacts))))
        case .readMarker(let marker):
            if let event = readMarkerEvent(marker) { actions.events.append(event) }
        case .auth, .ping, .teamJoin, .teamLeave, .history, .roster, .teamList, .readMarkers:
            actions.events.append(
                .session(.notice(.warning("server sent an unexpected '\(message.type)' message; ignored"))))
        }
        return actions
    }

    private mutating func acknowledged(_ ack: RealtimeAck, into actions: inout Actions, now: Date) {
        guard let request = pending.removeValue(forKey: ack.replyTo) else { return }
        if let error = ack.error {
            pending[ack.replyTo] = request
            failed(id: ack.replyTo, error, into: &actions)
            return
        }
        switch request {
        case .auth:
            guard let jid = jid(ack.jid) else {
                actions.failure = .server("auth ack carried no usable JID")
                return
            }
            markAuthenticated(jid)
            actions.send.append(.roster(id: register(.roster)))
            actions.send.append(.teamList(id: register(.teamList)))
            for (conversation, key) in readPositions.values.sorted(by: { $0.0 < $1.0 }) {
                actions.send.append(readMarker(conversation, key: key))
            }
            actions.send.append(.readMarkers(id: register(.readMarkers)))
            actions.events.append(.session(.authenticated(jid)))
        case .chat(let localID):
            actions.events.append(.chat(.acked(localID: localID, serverKey: ack.key, timestamp: nil)))
        case .presence:
            if takeSyncMarker() { actions.events.append(.session(.synchronized)) }
        case .roster:
            rosterLoaded(ack.response, into: &actions)
        case .teamList:
            teamsListed(ack.response, into: &actions)
        case .join(let room):
            actions.events.append(.rooms(.joined(room)))
        case .leave(let room):
            rooms.remove(room)
        case .history(let conversation):
            historyLoaded(ack.response, for: conversation, into: &actions, now: now)
        case .catchUp:
            guard let page = try? RealtimeCodec.historyPage(from: ack.response) else {
                actions.events.append(.session(.notice(.warning("the server's missed-message list was malformed"))))
                break
            }
            let messages = page.messages.compactMap { message(from: $0, in: nil, now: now) }
            actions.events.append(.chat(.caughtUp(messages, hasMore: page.more)))
        case .readMarker:
            if let marker = try? RealtimeCodec.readMarkers(from: ["markers": .array([.object(ack.response ?? [:])])]),
                let event = marker.first.flatMap(readMarkerEvent)
            {
                actions.events.append(event)
            }
        case .readMarkers:
            guard let markers = try? RealtimeCodec.readMarkers(from: ack.response) else {
                actions.events.append(.session(.notice(.warning("the server's read markers were malformed"))))
                break
            }
            actions.events += markers.compactMap(readMarkerEvent)
        case .ping, .correction:
            break
        }
    }

    /// A marker's conversation is a room when it names a known room, else the 1:1 chat with that user.
    private func readMarkerEvent(_ marker: RealtimeReadMarker) -> EngineEvent? {
        guard let with = jid(marker.with)?.bare else { return nil }
        let conversation: ConversationID = rooms.contains(with) ? .room(with) : .direct(with)
        return .chat(.readMarker(conversation, key: marker.key))
    }

    private mutating func failed(id: String?, _ error: RealtimeErrorMessage, into actions: inout Actions) {
        var request = id.flatMap { pending.removeValue(forKey: $0) }
        // The seed's own failed-auth example carries no id: while auth is outstanding, an id-less auth error is
        // the answer to it, or the client would sit "connecting" on an open socket forever.
        if request == nil, !isAuthenticated, error.code == .authFailed || error.code == .notAuthenticated,
            let authID = pending.first(where: { $0.value == .auth })?.key
        {
            request = pending.removeValue(forKey: authID)
        }
        switch request {
        case .auth:
            actions.failure = .authFailed(error.text)
        case .chat(let localID):
            actions.events.append(.chat(.failed(localID: localID, reason: error.text)))
        case .join(let room):
            rooms.remove(room)
            actions.events.append(.session(.notice(.error("cannot join \(room): \(error.text)"))))
        case .history(let conversation):
            actions.events.append(.chat(.historyFailed(conversation, reason: error.text)))
        case .catchUp:
            actions.events.append(
                .session(.notice(.warning("could not fetch messages missed while away: \(error.text)"))))
        default:
            actions.events.append(.session(.notice(.warning("server error \(error.code): \(error.text)"))))
        }
    }

    private func rosterLoaded(_ response: [String: JSONValue]?, into actions: inout Actions) {
        guard let contacts = try? RealtimeCodec.rosterContacts(from: response) else {
            actions.events.append(
                .session(.notice(.warning("the server's roster was malformed; contacts may be missing"))))
            return
        }
        actions.events.append(.roster(.loaded(rosterContacts(contacts))))
    }

    private func rosterContacts(_ contacts: [RealtimeRosterContact]) -> [Contact] {
        contacts.compactMap { contact in
            jid(contact.jid).map { Contact(jid: $0, displayName: contact.name, groups: contact.groups) }
        }
    }

    private mutating func teamsListed(_ response: [String: JSONValue]?, into actions: inout Actions) {
        guard let teams = try? RealtimeCodec.teams(from: response) else {
            actions.events.append(.session(.notice(.warning("the server's room list was malformed"))))
            return
        }
        let rooms = teams.compactMap { team in jid(team.jid).map { RoomInfo(jid: $0, name: team.name) } }
        for room in rooms { self.rooms.insert(room.jid) }
        actions.events.append(.rooms(.listed(rooms)))
    }

    private func historyLoaded(
        _ response: [String: JSONValue]?, for conversation: ConversationID, into actions: inout Actions, now: Date
    ) {
        guard let page = try? RealtimeCodec.historyPage(from: response) else {
            actions.events.append(.chat(.historyFailed(conversation, reason: "the server's answer was malformed")))
            return
        }
        let messages = page.messages.compactMap { message(from: $0, in: conversation, now: now) }
        actions.events.append(.chat(.historyLoaded(conversation, messages, hasMore: page.more)))
    }

    /// Places a chat in its conversation: a room when addressed to one, else the 1:1 chat with the other party.
    func message(from chat: RealtimeChat, in known: ConversationID?, now: Date) -> Message? {
        guard let from = jid(chat.from), let to = jid(chat.to) else { return nil }
        let mine = account.map { from.bare == $0.bare } ?? false
        let conversation =
            known ?? (rooms.contains(to.bare) ? .room(to.bare) : .direct(mine ? to.bare : from.bare))
        let key = chat.key ?? "\(from.bareString)-\(now.timeIntervalSince1970)"
        return Message(
            id: key, serverKey: chat.key, conversation: conversation, sender: from, senderName: chat.displayName,
            text: chat.text, timestamp: chat.received.flatMap(ISO8601.parse) ?? now, isOutgoing: mine,
            delivery: .sent)
    }
}
