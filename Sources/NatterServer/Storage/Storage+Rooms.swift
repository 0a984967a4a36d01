import GRDB

extension Storage {
    @discardableResult
    public func createRoom(
        name: String, displayName: String, kind: StoredRoom.Kind, members: [String]
    ) async throws
        -> StoredRoom
    {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO room (name, displayName, kind) VALUES (?, ?, ?)",
                arguments: [name.lowercased(), displayName, kind.rawValue])
            let roomID = db.lastInsertedRowID
            for member in members {
                let user = try Storage.requireUser(named: member, in: db)
                try db.execute(
                    sql: "INSERT INTO roomMember (roomID, userID) VALUES (?, ?)", arguments: [roomID, user.id])
            }
            return StoredRoom(row: [
                "id": roomID, "name": name.lowercased(), "displayName": displayName,
                "kind": kind.rawValue,
            ])
        }
    }

    public func room(named name: String) async throws -> StoredRoom? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM room WHERE name = ?", arguments: [name]).map(StoredRoom.init)
        }
    }

    /// Rooms of `kind` that `user` belongs to.
    public func rooms(of user: StoredUser, kind: StoredRoom.Kind) async throws -> [StoredRoom] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT room.* FROM room JOIN roomMember ON roomMember.roomID = room.id
                    WHERE roomMember.userID = ? AND room.kind = ? ORDER BY room.name
                    """, arguments: [user.id, kind.rawValue]
            ).map(StoredRoom.init)
        }
    }

    public func members(of room: StoredRoom) async throws -> [StoredUser] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT user.id, user.name, user.displayName FROM roomMember
                    JOIN user ON user.id = roomMember.userID WHERE roomMember.roomID = ? ORDER BY user.name
                    """, arguments: [room.id]
            ).map { StoredUser(row: $0) }
        }
    }

    public func isMember(_ user: StoredUser, of room: StoredRoom) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM roomMember WHERE roomID = ? AND userID = ?)",
                arguments: [room.id, user.id]) ?? false
        }
    }
}
