import Foundation
import GRDB

/// A multi-user thread's member: invited until they join.
struct RosterThreadMember: Sendable, Hashable {
    var user: StoredUser
    var joined: Bool
}

/// A message of a multi-user thread, numbered within the thread from 1.
struct RosterThreadMessage: Sendable, Hashable {
    var seq: Int64
    var sender: StoredUser
    var text: String
    var createdAt: Date
}

/// Multi-user threads, the door's own: the core's conversations are 1:1 or team rooms, and a Zimbra group
/// chat (invite, join, leave) is neither.
protocol RosterGroupThreadStore: Sendable {
    func createThread(members: [StoredUser], at date: Date) async throws -> Int64
    /// `nil` when no such thread exists.
    func threadMembers(_ thread: Int64) async throws -> [RosterThreadMember]?
    func setMember(_ user: StoredUser, of thread: Int64, joined: Bool) async throws
    func removeMember(_ user: StoredUser, of thread: Int64) async throws
    func appendMessage(to thread: Int64, from sender: StoredUser, text: String, at date: Date) async throws -> Int64
    /// Up to `limit` messages of the page, oldest first.
    func threadMessages(_ thread: Int64, page: RosterChatPage, limit: Int) async throws -> [RosterThreadMessage]
    /// The threads `user` has joined.
    func threads(of user: StoredUser) async throws -> [Int64]
}

extension RosterMigrations {
    static let threads = StorageMigration(identifier: "roster-v2-threads") { db in
        try db.create(table: "rosterThread") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("createdAt", .double).notNull()
        }
        try db.create(table: "rosterThreadMember") { table in
            table.column("threadID", .integer).notNull().references("rosterThread", onDelete: .cascade)
            table.column("userID", .integer).notNull().indexed().references("user", onDelete: .cascade)
            table.column("joined", .boolean).notNull()
            table.primaryKey(["threadID", "userID"])
        }
        try db.create(table: "rosterThreadMessage") { table in
            table.column("threadID", .integer).notNull().references("rosterThread", onDelete: .cascade)
            table.column("seq", .integer).notNull()
            table.column("senderID", .integer).notNull().references("user", onDelete: .cascade)
            table.column("text", .text).notNull()
            table.column("createdAt", .double).notNull()
            table.primaryKey(["threadID", "seq"])
        }
    }
}

extension Storage: RosterGroupThreadStore {
    func createThread(members: [StoredUser], at date: Date) async throws -> Int64 {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO rosterThread (createdAt) VALUES (?)", arguments: [date.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            for member in Set(members) {
                try db.execute(
                    sql: "INSERT INTO rosterThreadMember (threadID, userID, joined) VALUES (?, ?, 1)",
                    arguments: [id, member.id])
            }
            return id
        }
    }

    func threadMembers(_ thread: Int64) async throws -> [RosterThreadMember]? {
        try await pool.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM rosterThread WHERE id = ?", arguments: [thread]) != nil
            else { return nil }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT user.id, user.name, user.displayName, rosterThreadMember.joined FROM rosterThreadMember
                    JOIN user ON user.id = rosterThreadMember.userID WHERE threadID = ? ORDER BY user.name
                    """, arguments: [thread]
            ).map { RosterThreadMember(user: StoredUser(row: $0), joined: $0["joined"]) }
        }
    }

    func setMember(_ user: StoredUser, of thread: Int64, joined: Bool) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO rosterThreadMember (threadID, userID, joined) VALUES (?, ?, ?)
                    ON CONFLICT (threadID, userID) DO UPDATE SET joined = MAX(joined, excluded.joined)
                    """, arguments: [thread, user.id, joined])
        }
    }

    func removeMember(_ user: StoredUser, of thread: Int64) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM rosterThreadMember WHERE threadID = ? AND userID = ?", arguments: [thread, user.id])
        }
    }

    func appendMessage(to thread: Int64, from sender: StoredUser, text: String, at date: Date) async throws -> Int64 {
        try await pool.write { db in
            let seq =
                try Int64.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(seq), 0) + 1 FROM rosterThreadMessage WHERE threadID = ?",
                    arguments: [thread]) ?? 1
            try db.execute(
                sql:
                    "INSERT INTO rosterThreadMessage (threadID, seq, senderID, text, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [thread, seq, sender.id, text, date.timeIntervalSince1970])
            return seq
        }
    }

    func threadMessages(_ thread: Int64, page: RosterChatPage, limit: Int) async throws -> [RosterThreadMessage] {
        let (condition, bound, descending) = page.condition
        let messages = try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT rosterThreadMessage.seq, rosterThreadMessage.text, rosterThreadMessage.createdAt,
                           user.id, user.name, user.displayName
                    FROM rosterThreadMessage JOIN user ON user.id = rosterThreadMessage.senderID
                    WHERE threadID = ? AND \(condition) ORDER BY seq \(descending ? "DESC" : "") LIMIT ?
                    """, arguments: [thread, bound, limit]
            ).map {
                RosterThreadMessage(
                    seq: $0["seq"], sender: StoredUser(row: $0), text: $0["text"],
                    createdAt: Date(timeIntervalSince1970: $0["createdAt"]))
            }
        }
        return descending ? messages.reversed() : messages
    }

    func threads(of user: StoredUser) async throws -> [Int64] {
        try await pool.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT threadID FROM rosterThreadMember WHERE userID = ? AND joined = 1 ORDER BY threadID",
                arguments: [user.id])
        }
    }
}
