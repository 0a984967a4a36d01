import Foundation
import GRDB

extension Storage {
    @discardableResult
    public func createUser(name: String, displayName: String? = nil, password: String) async throws -> StoredUser {
        let hash = hasher.hash(password)
        return try await pool.write { db in
            if try Storage.user(named: name, in: db) != nil { throw StorageError.duplicateUser(name) }
            try db.execute(
                sql: "INSERT INTO user (name, displayName, passwordHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [name.lowercased(), displayName ?? name, hash, Date().timeIntervalSince1970])
            return StoredUser(id: db.lastInsertedRowID, name: name.lowercased(), displayName: displayName ?? name)
        }
    }

    public func user(named name: String) async throws -> StoredUser? {
        try await pool.read { db in try Storage.user(named: name, in: db) }
    }

    public func allUsers() async throws -> [StoredUser] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, displayName FROM user ORDER BY name").map {
                StoredUser(row: $0)
            }
        }
    }

    /// The user when `password` matches; `nil` for an unknown name or a wrong password alike.
    public func authenticate(name: String, password: String) async throws -> StoredUser? {
        let found = try await pool.read { db -> (StoredUser, String)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, name, displayName, passwordHash FROM user WHERE name = ?", arguments: [name])
            else { return nil }
            return (StoredUser(row: row), row["passwordHash"])
        }
        guard let (user, hash) = found else {
            // Spend the same effort as a real check so response time does not reveal which names exist.
            _ = PasswordHasher.verify(password, against: Storage.decoyHash)
            return nil
        }
        return PasswordHasher.verify(password, against: hash) ? user : nil
    }

    private static let decoyHash = PasswordHasher().hash("decoy")

    static func user(named name: String, in db: Database) throws -> StoredUser? {
        try Row.fetchOne(db, sql: "SELECT id, name, displayName FROM user WHERE name = ?", arguments: [name])
            .map { StoredUser(row: $0) }
    }

    static func requireUser(named name: String, in db: Database) throws -> StoredUser {
        guard let user = try user(named: name, in: db) else { throw StorageError.unknownUser(name) }
        return user
    }
}
