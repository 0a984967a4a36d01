import Foundation
import GRDB

/// Reading forwards from a key: what a client missed while it was disconnected.
extension Storage {
    /// Up to `limit` live messages newer than `afterKey` in every conversation `viewer` takes part in (1:1
    /// chats either way, and the rooms they are a member of), oldest first, and whether newer ones remain.
    /// A `nil` key reads from the first message.
    public func messages(
        of viewer: StoredUser, afterKey: String?, limit: Int
    ) async throws -> (messages: [StoredMessage], more: Bool) {
        let after = afterKey.flatMap { Int64($0) } ?? 0
        return try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: StoredMessage.selection + """

                    WHERE message.id > ? AND message.deleted = 0
                      AND (message.recipientID = ? OR (message.senderID = ? AND message.recipientID IS NOT NULL)
                           OR message.roomID IN (SELECT roomID FROM roomMember WHERE userID = ?))
                    ORDER BY message.id LIMIT ?
                    """, arguments: [after, viewer.id, viewer.id, viewer.id, limit + 1])
            return (rows.prefix(limit).map(StoredMessage.init), rows.count > limit)
        }
    }

    /// Up to `limit` live messages of one conversation newer than `afterKey` (and older than `beforeKey`
    /// when given), oldest first, and whether newer ones remain.
    public func history(
        of viewer: StoredUser, with destination: Destination, afterKey: String, beforeKey: String?, limit: Int
    ) async throws -> (messages: [StoredMessage], more: Bool) {
        let conversation = Storage.conversation(sender: viewer, destination: destination)
        let after = Int64(afterKey) ?? 0
        let before = beforeKey.flatMap { Int64($0) } ?? Int64.max
        return try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: StoredMessage.selection + """

                    WHERE message.conversation = ? AND message.id > ? AND message.id < ? AND message.deleted = 0
                    ORDER BY message.id LIMIT ?
                    """, arguments: [conversation, after, before, limit + 1])
            return (rows.prefix(limit).map(StoredMessage.init), rows.count > limit)
        }
    }
}
