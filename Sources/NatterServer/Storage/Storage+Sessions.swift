import Foundation
import GRDB

extension Storage {
    /// Starts a login session and returns its id: 128 random bits as 32 hex digits.
    public func createSession(for user: StoredUser) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hexString
        let now = Date().timeIntervalSince1970
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO session (id, userID, createdAt, lastUsedAt) VALUES (?, ?, ?, ?)",
                arguments: [id, user.id, now, now])
        }
        return id
    }

    /// The session's user, marking the session as used now; `nil` for an unknown session.
    public func user(forSession id: String) async throws -> StoredUser? {
        try await pool.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT user.id, user.name, user.displayName FROM session
                        JOIN user ON user.id = session.userID WHERE session.id = ?
                        """, arguments: [id])
            else { return nil }
            try db.execute(
                sql: "UPDATE session SET lastUsedAt = ? WHERE id = ?",
                arguments: [Date().timeIntervalSince1970, id])
            return StoredUser(row: row)
        }
    }

    /// Marks a session as used now, so `lastActive` reflects when a user was last connected.
    public func touchSession(_ id: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE session SET lastUsedAt = ? WHERE id = ?", arguments: [Date().timeIntervalSince1970, id])
        }
    }

    public func deleteSession(_ id: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id]) }
    }
}
