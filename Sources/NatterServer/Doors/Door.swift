import GRDB
import Hummingbird
import Logging
import ServiceLifecycle

/// One protocol's entrance to natterd: its HTTP routes, its WebSocket endpoints, its tables and its
/// background services. Doors share the core (`HubService`), the authenticator and the HTTP listener;
/// `NatterServer` only assembles them (docs/adding-a-protocol.md).
protocol Door: Sendable {
    /// Tables this door owns, applied after the core's in order. Identifiers are prefixed with the door's
    /// name, because every door's migrations share one table of applied migrations.
    var migrations: [StorageMigration] { get }

    func registerRoutes(on router: Router<NatterRequestContext>)

    func registerWebSockets(on upgrades: inout WebSocketUpgradeRouter)

    /// Work that lives as long as the server (pollers, timers); run and shut down with the listener.
    var services: [any Service] { get }
}

extension Door {
    var migrations: [StorageMigration] { [] }
    func registerRoutes(on router: Router<NatterRequestContext>) {}
    func registerWebSockets(on upgrades: inout WebSocketUpgradeRouter) {}
    var services: [any Service] { [] }
}

/// What a door is built from.
struct DoorContext: Sendable {
    let core: HubService
    /// The embedded database, for doors whose own tables (their `migrations`) live beside the core's.
    let storage: Storage
    let authenticator: Authenticator
    let configuration: ServerConfiguration
    let logger: Logger
    /// `host:port` the listener is bound to, for URLs a door hands out when a request has no Host header.
    let boundAuthority: @Sendable () -> String
}

/// A schema step of one door, for the embedded SQLite storage.
struct StorageMigration: Sendable {
    let identifier: String
    let migrate: @Sendable (Database) throws -> Void
}
