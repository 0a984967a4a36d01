import Foundation
import Logging
import NatterCodecs
import NatterModel

/// Who sent a client message: the connection and its hub session.
struct ChannelsCaller: Sendable {
    let connection: HubSessionID
    let session: HubSession

    var user: StoredUser { session.user }
}

/// What answering one client message produced for the caller's own connection: its `ack`, then the replies,
/// in this order. Frames for other connections have already been queued on theirs.
struct ChannelsOutcome: Sendable, Equatable {
    var ack: ChannelAck
    var replies: [ChannelServerMessage] = []
}

/// The Channels semantics over the door's store, its registry of connections and the core (presence).
struct ChannelsService: Sendable {
    let core: HubService
    let store: ChannelStore
    let registry: ChannelsRegistry
    let logger: Logger

    var domain: String { core.domain }

    func address(_ user: StoredUser) -> String { "\(user.name)@\(domain)" }

    /// One client message, answered with exactly one ack: `status:false` with the reason when refused, in
    /// which case nothing changed.
    func handle(_ message: ChannelClientMessage, from caller: ChannelsCaller) async -> ChannelsOutcome {
        var outcome = ChannelsOutcome(ack: ChannelAck(replyTo: message.id, status: true))
        do {
            try await dispatch(message, from: caller, into: &outcome)
        } catch {
            return ChannelsOutcome(ack: ChannelAck(replyTo: message.id, status: false, reason: error.description))
        }
        return outcome
    }

    private func dispatch(
        _ message: ChannelClientMessage, from caller: ChannelsCaller, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        switch message {
        case .announce(let announce):
            try await self.announce(announce.availability, status: announce.status, from: caller, into: &outcome)
        case .unannounce:
            try await self.announce(.invisible, status: nil, from: caller, into: &outcome)
        case .createChannel(let create):
            try await self.create(create, from: caller, into: &outcome)
        case .updateChannel(let update):
            try await self.update(update, from: caller, into: &outcome)
        case .reinviteChannels:
            for (channel, administrator) in try await call({ try await store.channels(of: caller.user) }) {
                outcome.replies.append(.invitation(invitation(channel, administrator: administrator)))
            }
        case .listChannels(let id):
            let channels = try await call { try await store.channels(of: caller.user) }
            outcome.replies.append(
                .channelList(
                    ChannelList(
                        replyTo: id,
                        channels: channels.map {
                            ChannelList.Entry(
                                channelID: $0.channel.id, name: $0.channel.name, administrator: $0.administrator)
                        })))
        case .listSubscribers(let id, let channelID):
            _ = try await requireMember(caller.user, of: channelID)
            let members = try await call { try await store.members(of: channelID) }
            var subscribers: [ChannelSubscriber] = []
            for member in members { subscribers.append(await subscriber(member)) }
            outcome.replies.append(
                .channelDirectory(ChannelDirectory(replyTo: id, channelID: channelID, subscribers: subscribers)))
        case .invite(let invite):
            try await self.invite(invite, from: caller, into: &outcome)
        case .kick(let kick):
            try await self.kick(kick, from: caller, into: &outcome)
        case .message(let message):
            try await self.send(message, from: caller, into: &outcome)
        case .messageStatus(let status):
            try await self.report(status, from: caller, into: &outcome)
        case .retrieve(let retrieve):
            try await self.retrieve(retrieve, from: caller, into: &outcome)
        }
    }

    /// Sets the connection's availability, in the core too so every protocol's contacts see it, and tells the
    /// caller's channels.
    private func announce(
        _ availability: ChannelAvailability, status: String?, from caller: ChannelsCaller,
        into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        let opening = await registry.announce(caller.connection, availability: availability, status: status)
        do {
            // A connection opens with a plain `available` announce; when the user is present through another
            // door (a client with several adapters), that says "here too", not "override what I chose there".
            if opening, availability == .available, status == nil {
                try await core.joinPresence(for: caller.session)
            } else {
                try await core.setPresence(availability.presence, status: status, for: caller.session)
            }
        } catch {
            throw .serverError
        }
        try await announceChange(of: caller.user, caller: caller, into: &outcome)
    }

    /// Sends the user's current member status to every channel it belongs to.
    func announceChange(
        of user: StoredUser, caller: ChannelsCaller?, into outcome: inout ChannelsOutcome
    ) async throws(ChannelsError) {
        for (channel, administrator) in try await call({ try await store.channels(of: user) }) {
            let member = await subscriber(ChannelMember(user: user, administrator: administrator))
            let members = try await call { try await store.members(of: channel.id) }
            await push(
                .memberStatus(ChannelMemberStatus(channelID: channel.id, member: member)),
                to: Set(members.map(\.user.id)), caller: caller, into: &outcome)
        }
    }

    // MARK: - Helpers shared by the feature extensions

    /// A member as others see it: the core's presence, refined by what the member's Channels clients announced
    /// (`busy` rather than `dnd`) while it agrees with the core.
    func subscriber(_ member: ChannelMember) async -> ChannelSubscriber {
        let presence = await core.hub.presence(of: member.user.name)
        var availability = ChannelAvailability(presence)
        // Set at another door, the status text still goes with the presence; offline shows none.
        let status = availability == .invisible ? nil : await core.hub.status(of: member.user.name)
        // The core cannot tell `busy` from `dnd`: what a Channels client announced can, while it is still current.
        if let announced = await registry.announcement(ofUser: member.user.id),
            announced.availability.presence == presence, announced.status == status
        {
            availability = announced.availability
        }
        return ChannelSubscriber(
            subscriber: address(member.user), administrator: member.administrator, availability: availability,
            status: status)
    }

    func invitation(_ channel: ChannelRecord, administrator: Bool, sender: String? = nil) -> ChannelInvitation {
        ChannelInvitation(
            channelID: channel.id, name: channel.name, attributes: channel.attributes, administrator: administrator,
            inviteToken: channel.inviteToken, sender: sender)
    }

    /// Queues `message` on every connection of `users`; the caller's own connection gets it in the outcome's
    /// replies instead, so it arrives after the caller's ack. Returns the users reached.
    @discardableResult
    func push(
        _ message: ChannelServerMessage, to users: Set<Int64>, caller: ChannelsCaller?,
        into outcome: inout ChannelsOutcome
    ) async -> Set<Int64> {
        var reached = await registry.send(message, toUsers: users, except: caller?.connection)
        if let caller, users.contains(caller.user.id) {
            outcome.replies.append(message)
            reached.insert(caller.user.id)
        }
        return reached
    }

    /// The channel, when `user` is a member of it, with the user's role.
    func requireMember(
        _ user: StoredUser, of channelID: String
    ) async throws(ChannelsError) -> (channel: ChannelRecord, administrator: Bool) {
        guard let channel = try await call({ try await store.channel(id: channelID) }) else {
            throw .unknownChannel(channelID)
        }
        guard let administrator = try await call({ try await store.role(of: user, in: channelID) }) else {
            throw .notMember(channelID)
        }
        return (channel, administrator)
    }

    /// A recipient address: `bob@natter.test`, or a bare `bob` within the server's domain.
    func resolve(_ address: String) async throws(ChannelsError) -> StoredUser {
        guard let jid = JID(address, defaultDomain: domain), jid.domain == domain,
            let user = try await call({ try await core.storage.user(named: jid.local) })
        else { throw .unknownRecipient(address) }
        return user
    }

    /// Runs a storage call; a failure is logged and becomes `ChannelsError.serverError`.
    func call<T>(_ body: () async throws -> T) async throws(ChannelsError) -> T {
        do {
            return try await body()
        } catch {
            logger.error("channels storage call failed", metadata: ["error": "\(error)"])
            throw .serverError
        }
    }
}
