import Foundation
import GRDB
import NatterCodecs
import NatterWire

/// The Channels door's queries over its own tables (`ChannelsMigrations`); each call is one transaction, and
/// times come from the caller's clock.
struct ChannelStore: Sendable {
    let pool: DatabasePool

    private static let userColumns = "user.id AS user_id, user.name AS user_name, user.displayName AS user_displayName"

    static func makeChannelID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "c-" + (0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hexString
    }

    /// Creates a channel administered by `creator`, or, when `inviteToken` names an existing channel, joins
    /// `creator` to it as a plain member. `created` tells which happened.
    func createOrJoin(
        name: String, inviteToken: String?, attributes: [String: JSONValue]?, creator: StoredUser, now: Date
    ) async throws -> (channel: ChannelRecord, administrator: Bool, created: Bool) {
        try await pool.write { db in
            if let inviteToken, !inviteToken.isEmpty,
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM channels_channel WHERE inviteToken = ?", arguments: [inviteToken])
            {
                let channel = ChannelRecord(row: row)
                let existing = try Bool.fetchOne(
                    db, sql: "SELECT administrator FROM channels_member WHERE channelID = ? AND userID = ?",
                    arguments: [channel.id, creator.id])
                if existing == nil {
                    try db.execute(
                        sql: "INSERT INTO channels_member (channelID, userID, administrator) VALUES (?, ?, 0)",
                        arguments: [channel.id, creator.id])
                }
                return (channel, existing ?? false, false)
            }
            let id = ChannelStore.makeChannelID()
            let token = inviteToken?.isEmpty == false ? inviteToken : nil
            try db.execute(
                sql:
                    "INSERT INTO channels_channel (id, name, inviteToken, attributes, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    id, name, token, ChannelRecord.encodeAttributes(attributes), now.timeIntervalSince1970,
                ])
            try db.execute(
                sql: "INSERT INTO channels_member (channelID, userID, administrator) VALUES (?, ?, 1)",
                arguments: [id, creator.id])
            let row = try Row.fetchOne(db, sql: "SELECT * FROM channels_channel WHERE id = ?", arguments: [id])!
            return (ChannelRecord(row: row), true, true)
        }
    }

    func channel(id: String) async throws -> ChannelRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM channels_channel WHERE id = ?", arguments: [id])
                .map(ChannelRecord.init(row:))
        }
    }

    /// Members in the order they joined.
    func members(of channelID: String) async throws -> [ChannelMember] {
        try await pool.read { db in try ChannelStore.members(of: channelID, in: db) }
    }

    private static func members(of channelID: String, in db: Database) throws -> [ChannelMember] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT \(userColumns), channels_member.administrator FROM channels_member
                JOIN user ON user.id = channels_member.userID WHERE channelID = ? ORDER BY channels_member.seq
                """, arguments: [channelID]
        ).map { ChannelMember(user: StoredUser(row: $0, prefix: "user_"), administrator: $0["administrator"]) }
    }

    /// `nil` when `user` is not a member, else whether it administers the channel.
    func role(of user: StoredUser, in channelID: String) async throws -> Bool? {
        try await pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT administrator FROM channels_member WHERE channelID = ? AND userID = ?",
                arguments: [channelID, user.id])
        }
    }

    /// The channels `user` belongs to, oldest membership first, with its role in each.
    func channels(of user: StoredUser) async throws -> [(channel: ChannelRecord, administrator: Bool)] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT channels_channel.*, channels_member.administrator AS administrator FROM channels_member
                    JOIN channels_channel ON channels_channel.id = channels_member.channelID
                    WHERE channels_member.userID = ? ORDER BY channels_member.seq
                    """, arguments: [user.id]
            ).map { (ChannelRecord(row: $0), $0["administrator"]) }
        }
    }

    /// Adds `user`, or promotes it when it is already a member (an invitation never demotes); returns whether
    /// anything changed.
    func setMember(_ user: StoredUser, of channelID: String, administrator: Bool) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO channels_member (channelID, userID, administrator) VALUES (?, ?, ?)
                    ON CONFLICT (channelID, userID) DO UPDATE SET administrator = excluded.administrator
                    WHERE administrator < excluded.administrator
                    """, arguments: [channelID, user.id, administrator])
            return db.changesCount > 0
        }
    }

    /// Removes `user`; promotes the longest-standing member when no administrator is left, and removes the
    /// channel (with its archive) when nobody is.
    func removeMember(_ user: StoredUser, from channelID: String) async throws -> ChannelRemoval {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM channels_member WHERE channelID = ? AND userID = ?", arguments: [channelID, user.id])
            guard db.changesCount > 0 else { return ChannelRemoval(removed: false, channelRemoved: false) }
            let remaining = try ChannelStore.members(of: channelID, in: db)
            guard let first = remaining.first else {
                try db.execute(sql: "DELETE FROM channels_channel WHERE id = ?", arguments: [channelID])
                return ChannelRemoval(removed: true, channelRemoved: true)
            }
            guard !remaining.contains(where: \.administrator) else {
                return ChannelRemoval(removed: true, channelRemoved: false)
            }
            try db.execute(
                sql: "UPDATE channels_member SET administrator = 1 WHERE channelID = ? AND userID = ?",
                arguments: [channelID, first.user.id])
            return ChannelRemoval(removed: true, promoted: first.user, channelRemoved: false)
        }
    }

    func update(_ channelID: String, name: String?, attributes: [String: JSONValue]?) async throws -> ChannelRecord? {
        try await pool.write { db in
            if let name {
                try db.execute(sql: "UPDATE channels_channel SET name = ? WHERE id = ?", arguments: [name, channelID])
            }
            if let attributes {
                try db.execute(
                    sql: "UPDATE channels_channel SET attributes = ? WHERE id = ?",
                    arguments: [ChannelRecord.encodeAttributes(attributes), channelID])
            }
            return try Row.fetchOne(db, sql: "SELECT * FROM channels_channel WHERE id = ?", arguments: [channelID])
                .map(ChannelRecord.init(row:))
        }
    }
}

extension ChannelStore {
    /// Whether a login session still exists and has been used since `cutoff`, without marking it used: a
    /// connection's watchdog asks this, and asking must not keep a revoked or idle session alive.
    func isSessionLive(_ id: String, usedSince cutoff: Date) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM session WHERE id = ? AND lastUsedAt >= ?",
                arguments: [id, cutoff.timeIntervalSince1970]) ?? false
        }
    }
}
