import Foundation
import GRDB

/// The server's SQLite database: one WAL-mode pool shared by every protocol handler.
///
/// Queries live in `Storage+<Table>.swift`; each is a single transaction so handlers never see half a write.
public final class Storage: Sendable {
    let pool: DatabasePool
    /// Set when the storage made its own temporary file, which it then deletes on `close()`.
    private let temporaryDirectory: URL?
    /// How new password hashes are made (bcrypt at a configured cost).
    let hashing: PasswordHashing
    /// How long a login session may go unused before it expires and is deleted.
    let sessionLifetime: TimeInterval

    /// Thirty days: a laptop closed over a holiday still reconnects; a session leaked a year ago does not.
    public static let defaultSessionLifetime: TimeInterval = 30 * 24 * 60 * 60

    /// bcrypt's log2 rounds for new password hashes. 10 is OWASP's floor for bcrypt (about 50 ms per hash on
    /// this class of machine); deployments raise it with `natterd --bcrypt-cost`, tests lower it to 4.
    public static let defaultPasswordCost = 10

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A `nil` path uses a fresh file in a temporary directory.
    public init(
        path: String?, passwordCost: Int = Storage.defaultPasswordCost,
        sessionLifetime: TimeInterval = Storage.defaultSessionLifetime
    ) throws {
        var location = path
        if path == nil {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "natterd-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            temporaryDirectory = directory
            location = directory.appendingPathComponent("natterd.sqlite").path
        } else {
            temporaryDirectory = nil
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A busy writer (for example a burst of chats) must delay other writers, not fail them.
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: location!, configuration: configuration)
        guard PasswordHashing.costRange.contains(passwordCost) else {
            throw StorageError.invalidPasswordCost(passwordCost)
        }
        hashing = PasswordHashing(cost: passwordCost)
        self.sessionLifetime = sessionLifetime
        try Storage.migrator.migrate(pool)
    }

    /// Releases the file handles; removes the database when it was a temporary one.
    public func close() {
        try? pool.close()
        if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
    }

    /// `close()` from async code. Closing waits until no read is in flight, and an async read gives its
    /// connection back only when its task resumes, possibly on the very executor that called us: blocking that
    /// executor while waiting was a deadlock (a server stopped while a handler's read was finishing). So the
    /// wait happens on a thread of its own, and the caller's executor stays free.
    public func closeWithoutBlocking() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                self.close()
                done.resume()
            }
        }
    }

    public var path: String { pool.path }

    /// SQLite's journal mode, which should read `wal`.
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Migrations applied so far, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Storage.migrator.appliedMigrations(db) }
    }
}
