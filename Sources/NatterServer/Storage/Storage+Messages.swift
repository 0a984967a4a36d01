import Foundation
import GRDB

extension Storage {
    public typealias Destination = MessageDestination

    /// Both parties in one order-independent string, so alice→bob and bob→alice share a history.
    static func conversation(between first: StoredUser, and second: StoredUser) -> String {
        "direct:\(min(first.id, second.id)):\(max(first.id, second.id))"
    }

    static func conversation(sender: StoredUser, destination: Destination) -> String {
        switch destination {
        case .user(let recipient): conversation(between: sender, and: recipient)
        case .room(let room): "room:\(room.id)"
        }
    }

    @discardableResult
    public func storeMessage(
        from sender: StoredUser, to destination: Destination, text: String, extras: String? = nil,
        at date: Date = Date()
    ) async throws -> StoredMessage {
        try await storeChat(from: sender, to: destination, text: text, extras: extras, clientID: nil, at: date).message
    }

    /// Stores a chat unless it is a resend: same sender, same client id, same conversation and text, recently.
    ///
    /// Clients resend unacknowledged chats after a reconnect with their original id; when the first copy did
    /// arrive (only the ack was lost), the stored message is returned with `duplicate` set so it is acked again
    /// but not delivered twice. The window and the text check keep clients that restart id counters per
    /// connection from having new messages swallowed.
    public func storeChat(
        from sender: StoredUser, to destination: Destination, text: String, extras: String?, clientID: String?,
        at date: Date = Date()
    ) async throws -> (message: StoredMessage, duplicate: Bool) {
        let conversation = Storage.conversation(sender: sender, destination: destination)
        return try await pool.write { db in
            if let clientID,
                let id = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT id FROM message WHERE senderID = ? AND clientID = ? AND conversation = ? AND text = ?
                        AND createdAt >= ? ORDER BY id DESC LIMIT 1
                        """,
                    arguments: [
                        sender.id, clientID, conversation, text,
                        date.addingTimeInterval(-Storage.resendWindow).timeIntervalSince1970,
                    ])
            {
                return (try Storage.message(id: id, in: db), true)
            }
            var recipientID: Int64?
            var roomID: Int64?
            switch destination {
            case .user(let user): recipientID = user.id
            case .room(let room): roomID = room.id
            }
            try db.execute(
                sql: """
                    INSERT INTO message (senderID, recipientID, roomID, conversation, text, extras, createdAt, clientID)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    sender.id, recipientID, roomID, conversation, text, extras, date.timeIntervalSince1970, clientID,
                ])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE message SET key = ? WHERE id = ?", arguments: [StoredMessage.key(for: id), id])
            return (try Storage.message(id: id, in: db), false)
        }
    }

    /// How long a client id identifies a resend: longer than any sane reconnect, shorter than id reuse.
    static let resendWindow: TimeInterval = 24 * 60 * 60

    /// Up to `limit` live messages of the conversation older than `beforeKey` (all when `nil`), oldest first,
    /// and whether older ones remain.
    public func history(
        of viewer: StoredUser, with destination: Destination, beforeKey: String?, limit: Int
    ) async throws -> (messages: [StoredMessage], more: Bool) {
        let conversation = Storage.conversation(sender: viewer, destination: destination)
        let before = beforeKey.flatMap { Int64($0) } ?? Int64.max
        return try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: StoredMessage.selection + """

                    WHERE message.conversation = ? AND message.id < ? AND message.deleted = 0
                    ORDER BY message.id DESC LIMIT ?
                    """, arguments: [conversation, before, limit + 1])
            let page = rows.prefix(limit).map(StoredMessage.init).reversed()
            return (Array(page), rows.count > limit)
        }
    }

    public func message(key: String) async throws -> StoredMessage? {
        guard let id = Int64(key) else { return nil }
        return try await pool.read { db in try? Storage.message(id: id, in: db) }
    }

    static func message(id: Int64, in db: Database) throws -> StoredMessage {
        guard let row = try Row.fetchOne(db, sql: StoredMessage.selection + " WHERE message.id = ?", arguments: [id])
        else { throw DatabaseError(resultCode: .SQLITE_NOTFOUND, message: "message \(id) vanished") }
        return StoredMessage(row: row)
    }
}

extension Storage {
    /// Replaces the text of a live message and marks it edited.
    public func editMessage(key: String, text: String) async throws -> StoredMessage? {
        guard let id = Int64(key) else { return nil }
        return try await pool.write { db in
            try db.execute(
                sql: "UPDATE message SET text = ?, edited = 1 WHERE id = ? AND deleted = 0", arguments: [text, id])
            return db.changesCount > 0 ? try Storage.message(id: id, in: db) : nil
        }
    }

    /// Marks a message deleted; history stops returning it. Returns `false` when there was nothing to delete.
    public func deleteMessage(key: String) async throws -> Bool {
        guard let id = Int64(key) else { return false }
        return try await pool.write { db in
            try db.execute(sql: "UPDATE message SET deleted = 1 WHERE id = ? AND deleted = 0", arguments: [id])
            return db.changesCount > 0
        }
    }
}
