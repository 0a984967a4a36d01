import Foundation
import GRDB
import NatterCodecs
import Synchronization

/// Read markers (docs/protocols/realtime.md): the newest message a user has read in each conversation, kept in
/// the server's database so that every client of the user, now or after a reconnect, shows the same unread line.
///
/// Also the Realtime door's own list of its connections per user, because only Realtime clients understand a
/// marker: the hub's events are protocol-neutral and would make every other door ignore a new case.
final class RealtimeReadMarkers: Sendable {
    static let migrations: [StorageMigration] = [
        StorageMigration(identifier: "realtime-read-markers-v1") { db in
            try db.create(table: "realtime_read_marker") { table in
                table.column("userID", .integer).notNull().references("user", onDelete: .cascade)
                // The other party's or the room's bare JID: the `with` of the wire, as the server resolved it.
                table.column("conversation", .text).notNull()
                table.column("messageID", .integer).notNull()
                table.column("updatedAt", .double).notNull()
                table.primaryKey(["userID", "conversation"])
            }
        }
    ]

    private let storage: Storage
    /// Guards the connection lists; held only to copy or change them, never across I/O.
    private let connections = Mutex<[String: [HubSessionID: RealtimeOutbox]]>([:])

    init(storage: Storage) {
        self.storage = storage
    }

    func attach(_ session: HubSession, outbox: RealtimeOutbox) {
        connections.withLock { $0[session.user.name, default: [:]][session.id] = outbox }
    }

    func detach(_ session: HubSession) {
        connections.withLock { connections in
            connections[session.user.name]?[session.id] = nil
            if connections[session.user.name]?.isEmpty == true { connections[session.user.name] = nil }
        }
    }

    /// Moves the marker forward to `messageID`; an older one changes nothing (a client that was offline may send
    /// an old position after another read further). Returns the marker in force and whether it moved.
    func advance(
        _ user: StoredUser, conversation: String, to messageID: Int64, now: Date
    ) async throws -> (messageID: Int64, moved: Bool) {
        try await storage.pool.write { db in
            let current = try Int64.fetchOne(
                db, sql: "SELECT messageID FROM realtime_read_marker WHERE userID = ? AND conversation = ?",
                arguments: [user.id, conversation])
            if let current, current >= messageID { return (current, false) }
            try db.execute(
                sql: """
                    INSERT INTO realtime_read_marker (userID, conversation, messageID, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (userID, conversation) DO UPDATE SET messageID = excluded.messageID,
                    updatedAt = excluded.updatedAt
                    """, arguments: [user.id, conversation, messageID, now.timeIntervalSince1970])
            return (messageID, true)
        }
    }

    func markers(of user: StoredUser) async throws -> [RealtimeReadMarker] {
        try await storage.pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT conversation, messageID FROM realtime_read_marker WHERE userID = ? ORDER BY conversation",
                arguments: [user.id]
            ).map { row in
                RealtimeReadMarker(with: row["conversation"], key: StoredMessage.key(for: row["messageID"]))
            }
        }
    }

    /// Tells the user's other Realtime connections that the marker moved.
    func push(_ marker: RealtimeReadMarker, to user: StoredUser, except: HubSessionID) {
        let outboxes = connections.withLock { connections in
            (connections[user.name] ?? [:]).filter { $0.key != except }.map(\.value)
        }
        for outbox in outboxes { outbox.send(.readMarker(marker)) }
    }
}
