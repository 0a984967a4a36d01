import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

/// The Channels protocol's client side as a pure state machine: engine commands in, wire messages out; wire
/// messages in, engine events out. `ChannelsAdapter` is only the threads and sockets around it.
public struct ChannelSession: Sendable {
    /// What an outstanding request id stands for, so its ack and answers can be routed.
    enum Request: Sendable, Equatable {
        case send(localID: String)
        case history(channel: String, limit: Int)
        case catchUp(channel: String)
        case other(String)
    }

    /// A page of the archive being received: the header says how many messages follow.
    struct Page: Sendable, Equatable {
        var expected: Int?
        var messages: [Message] = []
    }

    /// What the I/O shell must do after feeding the session one message.
    public struct Actions: Sendable, Equatable {
        public var events: [EngineEvent] = []
        public var send: [ChannelClientMessage] = []

        public init() {}
    }

    /// Channels, and the presence `announce` sets (the capability table lists Channels last for presence).
    public static let capabilities: Set<Capability> = [.channels, .presence]

    public let account: JID
    public private(set) var channels: [String: Channel] = [:]
    /// The newest message seen per channel: where catching up after a reconnect starts.
    public private(set) var newest: [String: (time: Date, messageID: String)] = [:]
    /// Where this connection's catch-up goes on from, per channel: the newest message when the connection began,
    /// then the last of each page. Not `newest`: live messages arriving before the catch-up would move it past the
    /// gap it must fill.
    var caughtUpTo: [String: (time: Date, messageID: String)] = [:]
    var pending: [String: Request] = [:]
    var pages: [String: Page] = [:]
    private var nextRequest = 0
    private var synchronized = false

    public init(account: JID) {
        self.account = account.bare
    }

    public var outstandingRequests: Int { pending.count }

    /// The opening messages of a connection: be visible, then learn the channels. Forgets the requests of the
    /// previous connection: their answers will never come.
    public mutating func begin(availability: ChannelAvailability = .available) -> [ChannelClientMessage] {
        pending.removeAll()
        pages.removeAll()
        synchronized = false
        caughtUpTo = newest
        return [
            .announce(ChannelAnnounce(id: register(.other("announce")), availability: availability)),
            .listChannels(id: register(.other("list-channels"))),
        ]
    }

    /// One engine command; `now` is where a backwards page of history starts.
    public mutating func outgoing(_ command: AdapterCommand, now: Date) -> [ChannelClientMessage] {
        switch command {
        case .chat(.send(let localID, let to, let text)):
            guard case .channel(let channel) = to.target else { return [] }
            let id = register(.send(localID: localID))
            return [.message(ChannelMessage(id: id, channelID: channel, messageID: localID, text: text))]
        case .chat(.fetchHistory(let conversation, let before, let limit)):
            guard case .channel(let channel) = conversation.target else { return [] }
            let count = min(max(limit, 1), ChannelRetrieve.maximumCount)
            let id = register(.history(channel: channel, limit: count))
            pages[id] = Page()
            return [
                .retrieve(
                    ChannelRetrieve(
                        id: id, channelID: channel, time: now, direction: .descending, count: count, after: before))
            ]
        case .chat:
            return []
        case .presence(.set(let presence, let status)):
            return [
                .announce(
                    ChannelAnnounce(id: register(.other("announce")), status: status, availability: .init(presence)))
            ]
        case .channels(let command):
            return outgoing(command)
        case .rooms, .roster, .groups, .subscriptions, .conferences, .threads, .gateways:
            return []
        }
    }

    private mutating func outgoing(_ command: ChannelCommand) -> [ChannelClientMessage] {
        switch command {
        case .join(let token):
            // Joining by name is joining by invitation token, as the seed's create-channel allows.
            return [.createChannel(ChannelCreate(id: register(.other("join")), name: token, inviteToken: token))]
        case .create(let name, let token):
            return [.createChannel(ChannelCreate(id: register(.other("create")), name: name, inviteToken: token))]
        case .leave(let channel):
            return [
                .kick(ChannelKick(id: register(.other("leave")), channelID: channel, recipient: account.description))
            ]
        case .setRole(let channel, let member, let role):
            // The protocol can grant administration (an invite with the flag) but has no way to take it back.
            guard role == .admin else { return [] }
            return [
                .invite(
                    ChannelInvite(
                        id: register(.other("promote")), channelID: channel, recipient: member.description,
                        administrator: true))
            ]
        case .invite(let channel, let member, let admin):
            return [
                .invite(
                    ChannelInvite(
                        id: register(.other("invite")), channelID: channel, recipient: member.description,
                        administrator: admin))
            ]
        case .kick(let channel, let member):
            return [.kick(ChannelKick(id: register(.other("kick")), channelID: channel, recipient: member.description))]
        case .rename(let channel, let name):
            return [.updateChannel(ChannelUpdate(id: register(.other("rename")), channelID: channel, name: name))]
        case .members(let channel):
            return [.listSubscribers(id: register(.other("members")), channelID: channel)]
        case .markRead(let channel, let ids):
            return statuses(.read, of: ids, in: channel)
        case .markDisplayed(let channel, let ids):
            return statuses(.displayed, of: ids, in: channel)
        }
    }

    private mutating func statuses(
        _ status: ChannelDeliveryStatus, of ids: [String], in channel: String
    ) -> [ChannelClientMessage] {
        ids.map {
            .messageStatus(
                ChannelMessageStatus(
                    id: register(.other(status.rawValue)), channelID: channel, messageID: $0, status: status))
        }
    }

    mutating func register(_ request: Request) -> String {
        nextRequest += 1
        let id = "c\(nextRequest)"
        pending[id] = request
        return id
    }

    mutating func markSynchronized() -> Bool {
        defer { synchronized = true }
        return !synchronized
    }

    mutating func update(_ channel: Channel) { channels[channel.id] = channel }

    mutating func forget(_ channel: String) {
        channels[channel] = nil
        newest[channel] = nil
        caughtUpTo[channel] = nil
    }

    mutating func saw(_ message: ChannelMessage) {
        guard let time = message.time else { return }
        if let known = newest[message.channelID], known.time > time { return }
        newest[message.channelID] = (time, message.messageID)
    }
}

extension ChannelAvailability {
    /// The engine's presence in the seed's four words; `away` and `xa` are `busy` (reachable, but not now).
    init(_ presence: Presence) {
        switch presence {
        case .available: self = .available
        case .dnd: self = .dnd
        case .away, .xa: self = .busy
        case .unavailable: self = .invisible
        }
    }

    var presence: Presence {
        switch self {
        case .available: .available
        case .dnd, .busy: .dnd
        case .invisible: .unavailable
        }
    }
}
