import Foundation
import GRDB

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
        }
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
