import Foundation
import GRDB

/// Login sessions expire after `sessionLifetime` without use. Expired ones are deleted when the server
/// starts and whenever someone logs in, so reconnecting clients that log in afresh do not grow the table
/// forever; an expired session that has not been deleted yet is refused all the same.
extension Storage {
    /// Starts a login session and returns its id: 128 random bits as 32 hex digits.
    public func createSession(for user: StoredUser, now: Date = Date()) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hexString
        try await pool.write { db in
            try Storage.deleteExpiredSessions(in: db, before: now.addingTimeInterval(-sessionLifetime))
            try db.execute(
                sql: "INSERT INTO session (id, userID, createdAt, lastUsedAt) VALUES (?, ?, ?, ?)",
                arguments: [id, user.id, now.timeIntervalSince1970, now.timeIntervalSince1970])
        }
        return id
    }

    /// The session's user, marking the session as used now; `nil` for an unknown or expired session.
    public func user(forSession id: String, now: Date = Date()) async throws -> StoredUser? {
        let cutoff = now.addingTimeInterval(-sessionLifetime).timeIntervalSince1970
        return try await pool.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT user.id, user.name, user.displayName FROM session
                        JOIN user ON user.id = session.userID WHERE session.id = ? AND session.lastUsedAt >= ?
                        """, arguments: [id, cutoff])
            else { return nil }
            try db.execute(
                sql: "UPDATE session SET lastUsedAt = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
            return StoredUser(row: row)
        }
    }

    /// Marks a session as used now, so `lastActive` reflects when a user was last connected.
    public func touchSession(_ id: String, now: Date = Date()) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE session SET lastUsedAt = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
        }
    }

    public func deleteSession(_ id: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id]) }
    }

    /// Deletes the sessions unused for longer than `sessionLifetime`; returns how many there were.
    @discardableResult
    public func deleteExpiredSessions(now: Date = Date()) async throws -> Int {
        try await pool.write { db in
            try Storage.deleteExpiredSessions(in: db, before: now.addingTimeInterval(-sessionLifetime))
        }
    }

    /// Keeps each affected user's last activity in `user.lastActiveAt` before its sessions go.
    @discardableResult
    static func deleteExpiredSessions(in db: Database, before cutoff: Date) throws -> Int {
        let cutoff = cutoff.timeIntervalSince1970
        try db.execute(
            sql: """
                UPDATE user SET lastActiveAt = MAX(COALESCE(lastActiveAt, 0),
                    (SELECT MAX(lastUsedAt) FROM session WHERE session.userID = user.id AND lastUsedAt < ?))
                WHERE id IN (SELECT userID FROM session WHERE lastUsedAt < ?)
                """, arguments: [cutoff, cutoff])
        try db.execute(sql: "DELETE FROM session WHERE lastUsedAt < ?", arguments: [cutoff])
        return db.changesCount
    }
}
