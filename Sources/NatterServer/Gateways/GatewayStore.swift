import Foundation
import GRDB
import NatterCodecs

/// One registration as stored: the password only sealed (`GatewaySecretBox`).
struct StoredGatewayRegistration: Sendable, Equatable {
    var user: String
    var service: String
    var remoteName: String
    var sealedPassword: Data
    /// The newest remote message key the bridge has passed on, to ask for what it missed after a reconnect.
    var cursor: String?
}

/// The gateway tables of the Zimbra IM door.
protocol GatewayStore: Sendable {
    func gatewayRegistrations() async throws -> [StoredGatewayRegistration]
    /// Adds or replaces the user's registration with `service`; a new one starts with no cursor.
    func saveGatewayRegistration(_ registration: StoredGatewayRegistration) async throws
    func deleteGatewayRegistration(user: String, service: String) async throws
    func setGatewayCursor(_ cursor: String, user: String, service: String) async throws
    /// Stores a chat for the remote, with the id it will be sent (and resent) with, before it is sent.
    func queueGatewayChat(_ chat: RealtimeChat, user: String, service: String) async throws
    /// The chats the remote has not acked yet, oldest first.
    func gatewayOutbox(user: String, service: String) async throws -> [RealtimeChat]
    /// The remote acked (or refused) the chat with this id.
    func removeGatewayChat(id: String) async throws
}

/// Identifiers are prefixed `gateways-`: they are the Roster door's migrations, but a unit of their own.
enum GatewayMigrations {
    static let all: [StorageMigration] = [
        StorageMigration(identifier: "gateways-v1-registrations") { db in
            try db.create(table: "gatewayRegistration") { table in
                table.column("userID", .integer).notNull().references("user", onDelete: .cascade)
                table.column("service", .text).notNull()
                table.column("remoteName", .text).notNull()
                table.column("sealedPassword", .blob).notNull()
                table.column("cursor", .text)
                table.primaryKey(["userID", "service"])
            }
        },
        // Chats for the remote until it acks them, so that a chat outlives a restart of natterd and a resend
        // carries the id of the first attempt (docs/protocols/gateways.md, "Nothing lost across a reconnect").
        StorageMigration(identifier: "gateways-v2-outbox") { db in
            try db.create(table: "gatewayOutbox") { table in
                table.autoIncrementedPrimaryKey("sequence")
                table.column("userID", .integer).notNull().references("user", onDelete: .cascade)
                table.column("service", .text).notNull()
                table.column("chatID", .text).notNull().unique()
                table.column("recipient", .text).notNull()
                table.column("text", .text).notNull()
            }
            try db.create(index: "gatewayOutboxByRegistration", on: "gatewayOutbox", columns: ["userID", "service"])
        },
    ]
}

extension Storage: GatewayStore {
    func gatewayRegistrations() async throws -> [StoredGatewayRegistration] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT user.name, service, remoteName, sealedPassword, cursor
                    FROM gatewayRegistration JOIN user ON user.id = userID ORDER BY user.name, service
                    """
            ).map {
                StoredGatewayRegistration(
                    user: $0["name"], service: $0["service"], remoteName: $0["remoteName"],
                    sealedPassword: $0["sealedPassword"], cursor: $0["cursor"])
            }
        }
    }

    func saveGatewayRegistration(_ registration: StoredGatewayRegistration) async throws {
        try await pool.write { db in
            // Chats queued for another remote account are not sent from this one.
            try db.execute(
                sql: """
                    DELETE FROM gatewayOutbox
                    WHERE service = ? AND userID = (SELECT id FROM user WHERE name = ? COLLATE NOCASE)
                    AND NOT EXISTS (
                        SELECT 1 FROM gatewayRegistration r
                        WHERE r.userID = gatewayOutbox.userID AND r.service = gatewayOutbox.service AND r.remoteName = ?)
                    """, arguments: [registration.service, registration.user, registration.remoteName])
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO gatewayRegistration (userID, service, remoteName, sealedPassword, cursor)
                    SELECT id, ?, ?, ?, ? FROM user WHERE name = ? COLLATE NOCASE
                    """,
                arguments: [
                    registration.service, registration.remoteName, registration.sealedPassword, registration.cursor,
                    registration.user,
                ])
        }
    }

    func deleteGatewayRegistration(user: String, service: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    DELETE FROM gatewayOutbox
                    WHERE service = ? AND userID = (SELECT id FROM user WHERE name = ? COLLATE NOCASE)
                    """, arguments: [service, user])
            try db.execute(
                sql: """
                    DELETE FROM gatewayRegistration
                    WHERE service = ? AND userID = (SELECT id FROM user WHERE name = ? COLLATE NOCASE)
                    """, arguments: [service, user])
        }
    }

    func setGatewayCursor(_ cursor: String, user: String, service: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE gatewayRegistration SET cursor = ?
                    WHERE service = ? AND userID = (SELECT id FROM user WHERE name = ? COLLATE NOCASE)
                    """, arguments: [cursor, service, user])
        }
    }
}

extension Storage {
    func queueGatewayChat(_ chat: RealtimeChat, user: String, service: String) async throws {
        guard let id = chat.id else { throw GatewayError.refused("a gateway chat needs an id") }
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO gatewayOutbox (userID, service, chatID, recipient, text)
                    SELECT id, ?, ?, ?, ? FROM user WHERE name = ? COLLATE NOCASE
                    """, arguments: [service, id, chat.to, chat.text, user])
            guard db.changesCount == 1 else { throw GatewayError.refused("no user \(user)") }
        }
    }

    func gatewayOutbox(user: String, service: String) async throws -> [RealtimeChat] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT chatID, recipient, text FROM gatewayOutbox
                    WHERE service = ? AND userID = (SELECT id FROM user WHERE name = ? COLLATE NOCASE)
                    ORDER BY sequence
                    """, arguments: [service, user]
            ).map { RealtimeChat(id: $0["chatID"], to: $0["recipient"], text: $0["text"]) }
        }
    }

    func removeGatewayChat(id: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM gatewayOutbox WHERE chatID = ?", arguments: [id])
        }
    }
}
