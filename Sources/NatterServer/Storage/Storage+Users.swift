import Foundation
import GRDB

extension Storage {
    /// Creates a user with a bcrypt hash of `password` at the storage's cost.
    @discardableResult
    public func createUser(name: String, displayName: String? = nil, password: String) async throws -> StoredUser {
        try await createUser(name: name, displayName: displayName, passwordHash: try await hashing.hash(password))
    }

    /// Creates a user with a hash made elsewhere (a migration, or a test that needs a legacy one).
    @discardableResult
    func createUser(name: String, displayName: String?, passwordHash hash: String) async throws -> StoredUser {
        try await pool.write { db in
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

    /// The user and the stored password hash, for the authenticator to verify.
    func credentials(named name: String) async throws -> (user: StoredUser, passwordHash: String)? {
        try await pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, name, displayName, passwordHash FROM user WHERE name = ?", arguments: [name])
            else { return nil }
            return (StoredUser(row: row), row["passwordHash"])
        }
    }

    /// Replaces a user's password hash, as the authenticator does when a login upgrades an old one.
    func setPasswordHash(_ hash: String, of user: StoredUser) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE user SET passwordHash = ? WHERE id = ?", arguments: [hash, user.id])
        }
    }

    static func user(named name: String, in db: Database) throws -> StoredUser? {
        try Row.fetchOne(db, sql: "SELECT id, name, displayName FROM user WHERE name = ?", arguments: [name])
            .map { StoredUser(row: $0) }
    }

    static func requireUser(named name: String, in db: Database) throws -> StoredUser {
        guard let user = try user(named: name, in: db) else { throw StorageError.unknownUser(name) }
        return user
    }
}
