import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: RoomIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .join(let room, let account):
            let id = ConversationID.room(room, account: account)
            let command = AdapterCommand.rooms(.join(room.bare))
            let route = route(command, on: account, for: id, in: state)
            if case .unable(let reason) = route {
                post(.error, reason, at: now, in: &state)
                return []
            }
            if state.rooms[id] == nil { state.rooms[id] = RoomInfo(jid: room, name: room.local) }
            var effects = open(id, in: &state, now: now)
            // Joined now when online; login rejoins every open room window otherwise.
            if case .ready(let key) = route { effects.insert(.adapter(key, command), at: 0) }
            return effects
        case .leave(let room, let account):
            let id = ConversationID.room(room, account: account)
            state.rooms[id]?.joined = false
            state.conversations[id]?.occupants = []
            let effects = close(.conversation(id), in: &state)
            return effects + send(.rooms(.leave(room.bare)), on: account, for: id, in: &state, now: now)
        }
    }

    func apply(_ event: RoomEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        let account = source.account
        switch event {
        case .listed(let rooms):
            for room in rooms {
                let id = ConversationID.room(room.jid, account: account)
                claim(id, for: source, in: &state)
                state.rooms[id] = RoomInfo(jid: room.jid, name: room.name, joined: state.rooms[id]?.joined ?? false)
                state.conversations[id]?.title = room.name
            }
        case .joined(let room):
            let id = ConversationID.room(room, account: account)
            claim(id, for: source, in: &state)
            state.rooms[id, default: RoomInfo(jid: room, name: room.local)].joined = true
        case .occupant(let room, let user, let presence):
            let id = ConversationID.room(room, account: account)
            ensureConversation(id, in: &state)
            // Until the join is acknowledged the server is calling the roll of who was already there: nobody
            // joined, so no line says so.
            if state.rooms[id]?.joined == true {
                noteOccupancy(of: user, present: presence != .unavailable, in: id, state: &state, now: now)
            }
            if presence == .unavailable {
                state.conversations[id]?.occupants.remove(user.bare)
            } else {
                state.conversations[id]?.occupants.insert(user.bare)
            }
        }
        return []
    }
}
