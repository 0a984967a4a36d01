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
            guard isAdministrator(of: id, in: state, now: now, action: "change roles", post: &state) else { return [] }
            let command = AdapterCommand.channels(.setRole(channel: id.address, member: member.bare, role: role))
            return send(command, on: id.account, for: id, in: &state, now: now)
        case .create(let account, let name, let token):
            return send(.channels(.create(name: name, inviteToken: token)), on: account, in: &state, now: now)
        case .invite(let id, let member, let admin):
            guard isAdministrator(of: id, in: state, now: now, action: "invite", post: &state) else { return [] }
            let command = AdapterCommand.channels(.invite(channel: id.address, member: member.bare, admin: admin))
            return send(command, on: id.account, for: id, in: &state, now: now)
        case .kick(let id, let member):
            guard isAdministrator(of: id, in: state, now: now, action: "kick others", post: &state) else { return [] }
            return send(
                .channels(.kick(channel: id.address, member: member.bare)), on: id.account, for: id, in: &state,
                now: now)
        case .rename(let id, let name):
            guard isAdministrator(of: id, in: state, now: now, action: "rename the channel", post: &state) else {
                return []
            }
            return send(
                .channels(.rename(channel: id.address, name: name)), on: id.account, for: id, in: &state, now: now)
        case .members(let id):
            return send(.channels(.members(channel: id.address)), on: id.account, for: id, in: &state, now: now)
        case .markRead(let id):
            return receipts(in: id, state: &state) { receipts in
                let owed = receipts.readAll()
                return owed.isEmpty ? nil : .markRead(channel: id.address, messageIDs: owed)
            }
        case .displayed(let id, let shown, let read):
            return receipts(in: id, state: &state) { receipts in
                let owed = read ? receipts.read(shown) : receipts.display(shown)
                guard !owed.isEmpty else { return nil }
                return read
                    ? .markRead(channel: id.address, messageIDs: owed)
                    : .markDisplayed(channel: id.address, messageIDs: owed)
            }
        }
    }

    /// Reports what `take` removes from the channel's owed receipts, only when the link is up: offline, the
    /// receipts stay owed and go out when the window is next looked at. A courtesy, so it never posts an error.
    private func receipts(
        in id: ConversationID, state: inout ClientState, _ take: (inout ChannelReceipts) -> ChannelCommand?
    ) -> [Effect] {
        guard var receipts = state.channelReceipts[id] else { return [] }
        let probe = AdapterCommand.channels(.markRead(channel: id.address, messageIDs: []))
        guard case .ready(let key) = route(probe, on: id.account, for: id, in: state),
            let command = take(&receipts)
        else { return [] }
        state.channelReceipts[id] = receipts
        return [.adapter(key, .channels(command))]
    }

    /// A message from someone else arrived in a channel while we were connected: it owes `displayed` and `read`.
    func noteReceiptsOwed(for message: Message, in state: inout ClientState) {
        guard message.conversation.kind == .channel, !message.isOutgoing else { return }
        state.channelReceipts[message.conversation, default: ChannelReceipts()].arrived(message.id)
    }

    /// Whether we may administer the channel as far as the engine knows; a refusal is posted with its reason. The
    /// server is the authority: this only saves a round trip, so only a role the engine has seen refuses. Right
    /// after a create or an invitation the member list has not arrived yet, and the request goes to the server.
    private func isAdministrator(
        of id: ConversationID, in snapshot: ClientState, now: Date, action: String, post state: inout ClientState
    ) -> Bool {
        guard let channel = snapshot.channels[id], let me = snapshot.accounts[id.account]?.identity?.bare,
            let role = channel.members.first(where: { $0.jid == me })?.role, role != .admin
        else { return true }
        post(.error, "only administrators of #\(channel.name) can \(action)", at: now, in: &state)
        return false
    }

    func apply(_ event: ChannelEvent, from source: SourceKey, to state: inout ClientState, now: Date) -> [Effect] {
        var effects: [Effect] = []
        switch event {
        case .listed(let channels):
            for channel in channels {
                let id = ConversationID.channel(channel.id, account: source.account)
                claim(id, for: source, in: &state)
                // A listing with no members is only the channel's name; one after members were known is a change.
                if let known = state.channels[id]?.members, !known.isEmpty, !channel.members.isEmpty {
                    noteMemberChanges(from: known, to: channel.members, in: id, state: &state, now: now)
                }
                state.channels[id] = channel
                state.conversations[id]?.title = "#" + channel.name
                state.conversations[id]?.occupants = Set(channel.members.map(\.jid))
            }
        case .member(let channelID, let member):
            let id = ConversationID.channel(channelID, account: source.account)
            var channel = state.channels[id] ?? Channel(id: channelID, name: channelID)
            if !channel.members.isEmpty {
                let old = channel.members.filter { $0.jid == member.jid }
                noteMemberChanges(from: old, to: [member], in: id, state: &state, now: now)
            }
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
        case .entered(let channelID):
            // As `/join` opens a room's window; the listing that names the channel may come before or after.
            let id = ConversationID.channel(channelID, account: source.account)
            claim(id, for: source, in: &state)
            effects = open(id, in: &state, now: now)
        case .left(let channelID):
            let id = ConversationID.channel(channelID, account: source.account)
            state.channels[id] = nil
            state.conversations[id]?.occupants = []
            state.channelReceipts[id] = nil
        case .receipt(let channelID, let messageID, let delivery, let reader):
            let id = ConversationID.channel(channelID, account: source.account)
            if delivery == .read, reader.bare != state.accounts[source.account]?.identity?.bare {
                state.channelReceipts[id, default: ChannelReceipts()].add(reader: reader, of: messageID)
            }
            guard
                let index = state.conversations[id]?.messages.firstIndex(where: { $0.isOutgoing && $0.id == messageID })
            else { break }
            // Receipts only move forward: a late `received` does not undo a `read`.
            let rank: (DeliveryState) -> Int = { state in
                switch state {
                case .pending, .failed: 0
                case .sent: 1
                case .delivered: 2
                case .read: 3
                }
            }
            if rank(delivery) > rank(state.conversations[id]!.messages[index].delivery) {
                state.conversations[id]!.messages[index].delivery = delivery
            }
        }
        return effects
    }
}
