import GRDB

/// Hands out conference ids from a counter kept in the database, so ids never repeat across natterd restarts:
/// a client that cached "conference 3" must not see a new, unrelated conference 3 merged into it.
struct ConferenceIDs: Sendable {
    let pool: DatabasePool

    /// The door's table: one row holding the last id given out.
    static let migrations = [
        StorageMigration(identifier: "conference-v1-ids") { db in
            try db.execute(
                sql: """
                    CREATE TABLE conference_ids (last INTEGER NOT NULL);
                    INSERT INTO conference_ids (last) VALUES (0);
                    """)
        }
    ]

    /// The next id, written before it is used: one transaction, so two starts never get the same one.
    func next() async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "UPDATE conference_ids SET last = last + 1")
            return try Int.fetchOne(db, sql: "SELECT last FROM conference_ids") ?? 0
        }
    }
}
