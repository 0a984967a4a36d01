import Foundation
import GRDB

extension Storage {
    /// Adds `contact` to `owner`'s roster, or updates the name and groups of an existing entry.
    public func setContact(
        owner: String, contact: String, nickname: String? = nil, groups: [String] = []
    )
        async throws
    {
        try await pool.write { db in
            let ownerUser = try Storage.requireUser(named: owner, in: db)
            let contactUser = try Storage.requireUser(named: contact, in: db)
            try db.execute(
                sql: """
                    INSERT INTO contact (ownerID, contactID, displayName) VALUES (?, ?, ?)
                    ON CONFLICT (ownerID, contactID) DO UPDATE SET displayName = excluded.displayName
                    """, arguments: [ownerUser.id, contactUser.id, nickname])
            try db.execute(
                sql: "DELETE FROM contactGroup WHERE ownerID = ? AND contactID = ?",
                arguments: [ownerUser.id, contactUser.id])
            for group in Set(groups) {
                try db.execute(
                    sql: "INSERT INTO contactGroup (ownerID, contactID, name) VALUES (?, ?, ?)",
                    arguments: [ownerUser.id, contactUser.id, group])
            }
        }
    }

    /// `owner`'s roster, sorted by display name.
    public func contacts(of owner: StoredUser) async throws -> [StoredContact] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT user.id, user.name, user.displayName, contact.displayName AS nickname,
                           COALESCE((SELECT MAX(lastUsedAt) FROM session WHERE session.userID = user.id),
                                    user.lastActiveAt) AS lastActive
                    FROM contact JOIN user ON user.id = contact.contactID WHERE contact.ownerID = ?
                    """, arguments: [owner.id])
            let groupRows = try Row.fetchAll(
                db, sql: "SELECT contactID, name FROM contactGroup WHERE ownerID = ? ORDER BY name",
                arguments: [owner.id])
            var groups: [Int64: [String]] = [:]
            for row in groupRows { groups[row["contactID"], default: []].append(row["name"]) }
            return rows.map { row in
                let user = StoredUser(row: row)
                let lastActive: Double? = row["lastActive"]
                return StoredContact(
                    user: user, nickname: row["nickname"], groups: groups[user.id] ?? [],
                    lastActive: lastActive.map(Date.init(timeIntervalSince1970:)))
            }.sorted { $0.displayName.localizedLowercase < $1.displayName.localizedLowercase }
        }
    }

    /// Names of users who list `user` as a contact: the audience for `user`'s presence.
    public func watchers(of user: StoredUser) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT user.name FROM contact JOIN user ON user.id = contact.ownerID
                    WHERE contact.contactID = ? ORDER BY user.name
                    """, arguments: [user.id])
        }
    }
}
