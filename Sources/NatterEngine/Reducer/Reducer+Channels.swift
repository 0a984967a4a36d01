import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: ChannelIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .join(let id):
            let command = AdapterCommand.channels(.join(id.address))
            let route = route(command, on: id.account, for: id, in: state)
            if case .unable(let reason) = route {
                post(.error, reason, at: now, in: &state)
                return []
            }
            let effects = open(id, in: &state, now: now)
            if case .ready(let key) = route { return [.adapter(key, command)] + effects }
            return effects
        case .leave(let id):
            let effects = close(.conversation(id), in: &state)
            return effects + send(.channels(.leave(id.address)), on: id.account, for: id, in: &state, now: now)
        case .setRole(let id, let member, let role):
            // Only administrators may change roles; the adapter's answer is the authority, this saves a round trip.
            if let channel = state.channels[id], let me = state.accounts[id.account]?.identity?.bare,
                channel.members.first(where: { $0.jid == me })?.role != .admin
            {
                post(.error, "only administrators of \(channel.name) can change roles", at: now, in: &state)
                return []
            }
            let command = AdapterCommand.channels(.setRole(channel: id.address, member: member.bare, role: role))
            return send(command, on: id.account, for: id, in: &state, now: now)
        }
    }

    func apply(_ event: ChannelEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        switch event {
        case .listed(let channels):
            for channel in channels {
                let id = ConversationID.channel(channel.id, account: source.account)
                claim(id, for: source, in: &state)
                state.channels[id] = channel
                state.conversations[id]?.title = "#" + channel.name
                state.conversations[id]?.occupants = Set(channel.members.map(\.jid))
            }
        case .member(let channelID, let member):
            let id = ConversationID.channel(channelID, account: source.account)
            var channel = state.channels[id] ?? Channel(id: channelID, name: channelID)
            if let index = channel.members.firstIndex(where: { $0.jid == member.jid }) {
                channel.members[index] = member
            } else {
                channel.members.append(member)
            }
            state.channels[id] = channel
            if member.presence.isOnline {
                state.conversations[id]?.occupants.insert(member.jid)
            } else {
                state.conversations[id]?.occupants.remove(member.jid)
            }
        case .left(let channelID):
            let id = ConversationID.channel(channelID, account: source.account)
            state.channels[id] = nil
            state.conversations[id]?.occupants = []
        }
        return []
    }
}
