import Foundation
import GRDB
import NatterCodecs
import NatterWire

/// The archive: messages in (time, arrival) order, so messages that share a timestamp still page stably.
extension ChannelStore {
    private static let messageSelect = """
        SELECT channels_message.*, user.id AS user_id, user.name AS user_name, user.displayName AS user_displayName
        FROM channels_message JOIN user ON user.id = channels_message.senderID
        """

    /// Stores a message unless the sender already sent one with this id to this channel; a duplicate returns
    /// the stored original.
    func store(
        channelID: String, messageID: String, sender: StoredUser, text: String, attributes: [String: JSONValue]?,
        at time: Date
    ) async throws -> (message: ArchivedChannelMessage, duplicate: Bool) {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO channels_message (channelID, messageID, senderID, text, attributes, time)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channelID, senderID, messageID) DO NOTHING
                    """,
                arguments: [
                    channelID, messageID, sender.id, text, ChannelRecord.encodeAttributes(attributes),
                    time.timeIntervalSince1970,
                ])
            let duplicate = db.changesCount == 0
            let row = try Row.fetchOne(
                db,
                sql: ChannelStore.messageSelect
                    + " WHERE channelID = ? AND senderID = ? AND messageID = ?",
                arguments: [channelID, sender.id, messageID])!
            return (ArchivedChannelMessage(row: row), duplicate)
        }
    }

    /// The latest message with this id in the channel (ids are meant to be globally unique; if two senders
    /// collide, the latest is the one a client most likely means).
    func message(channelID: String, messageID: String) async throws -> ArchivedChannelMessage? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: ChannelStore.messageSelect
                    + " WHERE channelID = ? AND messageID = ? ORDER BY seq DESC LIMIT 1",
                arguments: [channelID, messageID]
            ).map(ArchivedChannelMessage.init(row:))
        }
    }

    /// Up to `count` messages from `time` in `direction`, in that direction's order. With `after` (a message
    /// of the channel), paging starts strictly past that message instead, and `time` is not used.
    func retrieve(
        channelID: String, time: Date, direction: ChannelRetrieveDirection, count: Int,
        after: ArchivedChannelMessage?
    ) async throws -> [ArchivedChannelMessage] {
        try await pool.read { db in
            let ascending = direction == .ascending
            let order = ascending ? "time ASC, seq ASC" : "time DESC, seq DESC"
            var arguments: StatementArguments = [channelID]
            let position: String
            if let after {
                position =
                    ascending ? "(time > ? OR (time = ? AND seq > ?))" : "(time < ? OR (time = ? AND seq < ?))"
                arguments += [after.time.timeIntervalSince1970, after.time.timeIntervalSince1970, after.seq]
            } else {
                position = ascending ? "time >= ?" : "time <= ?"
                arguments += [time.timeIntervalSince1970]
            }
            arguments += [count]
            return try Row.fetchAll(
                db,
                sql: ChannelStore.messageSelect
                    + " WHERE channelID = ? AND \(position) ORDER BY \(order) LIMIT ?",
                arguments: arguments
            ).map(ArchivedChannelMessage.init(row:))
        }
    }
}
