import Foundation
import GRDB

extension Storage {
    /// Where a message goes, as the storage sees it.
    public enum Destination: Sendable, Hashable {
        case user(StoredUser)
        case room(StoredRoom)

        var conversation: String {
            switch self {
            case .room(let room): "room:\(room.id)"
            case .user: preconditionFailure("a direct conversation needs both parties")
            }
        }
    }

    /// Both parties in one order-independent string, so alice→bob and bob→alice share a history.
    static func conversation(between first: StoredUser, and second: StoredUser) -> String {
        "direct:\(min(first.id, second.id)):\(max(first.id, second.id))"
    }

    static func conversation(sender: StoredUser, destination: Destination) -> String {
        switch destination {
        case .user(let recipient): conversation(between: sender, and: recipient)
        case .room: destination.conversation
        }
    }

    @discardableResult
    public func storeMessage(
        from sender: StoredUser, to destination: Destination, text: String, extras: String? = nil,
        at date: Date = Date()
    ) async throws -> StoredMessage {
        try await pool.write { db in
            var recipientID: Int64?
            var roomID: Int64?
            switch destination {
            case .user(let user): recipientID = user.id
            case .room(let room): roomID = room.id
            }
            try db.execute(
                sql: """
                    INSERT INTO message (senderID, recipientID, roomID, conversation, text, extras, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    sender.id, recipientID, roomID, Storage.conversation(sender: sender, destination: destination),
                    text, extras, date.timeIntervalSince1970,
                ])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE message SET key = ? WHERE id = ?", arguments: [StoredMessage.key(for: id), id])
            return try Storage.message(id: id, in: db)
        }
    }

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
