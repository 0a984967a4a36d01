import NatterCodecs

/// The live Channels connections by user, with what each announced: where fan-out goes and what the door
/// knows beyond the core's presence (`busy` as opposed to `dnd`, the status text).
actor ChannelsRegistry {
    struct Announcement: Sendable, Equatable {
        var availability: ChannelAvailability
        var status: String?
        /// Latest wins among a user's connections, like the core's presence.
        var order: Int
    }

    private struct Connection {
        let userID: Int64
        let outbox: ChannelsOutbox
        var announcement: Announcement?
    }

    private var connections: [HubSessionID: Connection] = [:]
    private var announcements = 0

    func add(_ id: HubSessionID, userID: Int64, outbox: ChannelsOutbox) {
        connections[id] = Connection(userID: userID, outbox: outbox)
    }

    func remove(_ id: HubSessionID) {
        connections[id] = nil
    }

    /// Records what a connection announced; true when it is the connection's first announcement.
    @discardableResult
    func announce(_ id: HubSessionID, availability: ChannelAvailability, status: String?) -> Bool {
        let first = connections[id]?.announcement == nil
        announcements += 1
        connections[id]?.announcement = Announcement(
            availability: availability, status: status, order: announcements)
        return first
    }

    /// The latest announcement among the user's live connections.
    func announcement(ofUser userID: Int64) -> Announcement? {
        connections.values.filter { $0.userID == userID }.compactMap(\.announcement).max { $0.order < $1.order }
    }

    /// Sends `message` to every connection of `users` but `except`; returns the users at least one connection
    /// of whom got it.
    @discardableResult
    func send(_ message: ChannelServerMessage, toUsers users: Set<Int64>, except: HubSessionID? = nil) -> Set<Int64> {
        var reached: Set<Int64> = []
        for (id, connection) in connections where id != except && users.contains(connection.userID) {
            connection.outbox.send(message)
            reached.insert(connection.userID)
        }
        return reached
    }
}
