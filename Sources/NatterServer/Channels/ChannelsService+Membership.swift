import NatterCodecs

/// Creating, joining, updating and leaving channels; inviting and kicking members.
extension ChannelsService {
    func create(
        _ create: ChannelCreate, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        let now = core.clock.now()
        let (channel, administrator, created) = try await call {
            try await store.createOrJoin(
                name: create.name, inviteToken: create.inviteToken, attributes: create.attributes,
                creator: caller.user, now: now)
        }
        outcome.ack.id = channel.id
        await push(
            .invitation(invitation(channel, administrator: administrator)), to: [caller.user.id], caller: caller,
            into: &outcome)
        if !created {
            try await tellChannel(
                channel.id, about: ChannelMember(user: caller.user, administrator: administrator), caller: caller,
                into: &outcome)
        }
    }

    func update(
        _ update: ChannelUpdate, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        guard try await requireMember(caller.user, of: update.channelID).administrator else {
            throw .notAdministrator("update a channel")
        }
        guard
            let channel = try await call({
                try await store.update(update.channelID, name: update.name, attributes: update.attributes)
            })
        else { throw .unknownChannel(update.channelID) }
        // Every member hears the new details, each with its own role.
        for member in try await call({ try await store.members(of: channel.id) }) {
            await push(
                .invitation(invitation(channel, administrator: member.administrator)), to: [member.user.id],
                caller: caller, into: &outcome)
        }
    }

    func invite(
        _ invite: ChannelInvite, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        let (channel, administrator) = try await requireMember(caller.user, of: invite.channelID)
        guard administrator else { throw .notAdministrator("invite to a channel") }
        let recipient = try await resolve(invite.recipient)
        let changed = try await call {
            try await store.setMember(recipient, of: channel.id, administrator: invite.administrator)
        }
        let role = try await call { try await store.role(of: recipient, in: channel.id) } ?? invite.administrator
        await push(
            .invitation(invitation(channel, administrator: role, sender: address(caller.user))),
            to: [recipient.id], caller: caller, into: &outcome)
        if changed {
            try await tellChannel(
                channel.id, about: ChannelMember(user: recipient, administrator: role), caller: caller, into: &outcome)
        }
    }

    /// Kicking someone else needs an administrator; kicking yourself leaves. Everyone, the one removed
    /// included, hears the unsubscription.
    func kick(
        _ kick: ChannelKick, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        let (channel, administrator) = try await requireMember(caller.user, of: kick.channelID)
        let recipient = try await resolve(kick.recipient)
        let leaving = recipient.id == caller.user.id
        if !leaving && !administrator { throw .notAdministrator("kick others from a channel") }
        let before = try await call { try await store.members(of: channel.id) }
        guard before.contains(where: { $0.user.id == recipient.id }) else {
            throw .notAMember(recipient: kick.recipient)
        }
        let removal = try await call { try await store.removeMember(recipient, from: channel.id) }
        let unsubscription = ChannelUnsubscription(
            channelID: channel.id, subscriber: address(recipient), kickedBy: leaving ? nil : address(caller.user))
        await push(.unsubscription(unsubscription), to: Set(before.map(\.user.id)), caller: caller, into: &outcome)
        if let promoted = removal.promoted {
            try await tellChannel(
                channel.id, about: ChannelMember(user: promoted, administrator: true), caller: caller, into: &outcome)
        }
        if removal.channelRemoved {
            logger.info("channel removed: its last member left", metadata: ["channel": "\(channel.id)"])
        }
    }

    /// A `member-status` for `member` to the whole channel.
    func tellChannel(
        _ channelID: String, about member: ChannelMember, caller: ChannelsCaller?, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        let status = ChannelMemberStatus(channelID: channelID, member: await subscriber(member))
        let members = try await call { try await store.members(of: channelID) }
        await push(.memberStatus(status), to: Set(members.map(\.user.id)), caller: caller, into: &outcome)
    }
}
