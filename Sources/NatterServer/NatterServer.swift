import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// natterd: one protocol-neutral core and the protocol doors that lead to it, over one SQLite database.
///
/// Embeddable: `natter --demo` and the tests run it in-process with `start()`/`stop()`; the `natterd`
/// executable uses `run()`. A server is started once; after `stop()` make a new one.
public final class NatterServer: Sendable {
    public let configuration: ServerConfiguration
    public let storage: Storage
    /// The protocol-neutral core every door and the demo peers share.
    let core: HubService
    let authenticator: Authenticator
    let doors: [any Door]
    let logger: Logger

    private struct State: Sendable {
        var task: Task<Void, Never>?
        var group: ServiceGroup?
        var demoPeer: DemoPeer?
    }

    private let state = Mutex(State())
    /// The listener's port, shared with the doors that put it into URLs they hand out.
    private let boundPort = BoundPort()

    public convenience init(configuration: ServerConfiguration) throws {
        try self.init(configuration: configuration, extraDoors: [])
    }

    /// `extraDoors` lets tests add a door of their own to check the mechanics every door relies on.
    init(configuration: ServerConfiguration, extraDoors: [@Sendable (DoorContext) -> any Door]) throws {
        var logger = configuration.logger ?? Logger(label: "natterd")
        logger.logLevel = configuration.logLevel
        self.configuration = configuration
        self.logger = logger
        let lifetime = configuration.sessionLifetime.components
        storage = try Storage(
            path: configuration.databasePath, passwordCost: configuration.passwordCost,
            sessionLifetime: TimeInterval(lifetime.seconds) + TimeInterval(lifetime.attoseconds) * 1e-18)
        core = HubService(storage: storage, domain: configuration.domain, clock: configuration.clock, logger: logger)
        authenticator = Authenticator(
            storage: storage, domain: configuration.domain, clock: configuration.clock, logger: logger)
        let boundPort = boundPort
        let context = DoorContext(
            core: core, storage: storage, authenticator: authenticator, configuration: configuration, logger: logger,
            boundAuthority: { "\(configuration.host):\(boundPort.value ?? configuration.port)" })
        let makers: [@Sendable (DoorContext) -> any Door] =
            [
                { LoginDoor(context: $0) }, { RealtimeDoor(context: $0) }, { ContactStoreDoor(context: $0) },
                { [storage] in RosterDoor(context: $0, store: storage) }, { ChannelsDoor(context: $0) },
                { ConferenceDoor(context: $0) },
            ] + extraDoors
        doors = makers.map { $0(context) }
        try storage.migrate(doors.flatMap(\.migrations))
    }

    /// The bound port once `start()` has returned.
    public var port: Int? { boundPort.value }

    /// Binds and serves in the background; returns the bound port once clients can connect.
    @discardableResult
    public func start() async throws -> Int {
        if state.withLock({ $0.task != nil }), let port = boundPort.value { return port }
        try await prepare()
        let (ports, portSink) = AsyncThrowingStream<Int, any Error>.makeStream()
        let application = try makeApplication { port in portSink.yield(port) }
        let group = ServiceGroup(
            configuration: .init(services: [application] + doors.flatMap(\.services), logger: logger))
        let task = Task {
            do {
                try await group.run()
                portSink.finish()
            } catch {
                portSink.finish(throwing: error)
            }
        }
        state.withLock { state in
            state.task = task
            state.group = group
        }
        for try await port in ports {
            didBind(port)
            return port
        }
        throw NatterServerError.notStarted
    }

    /// Stops listening, ends every connection and the demo peers, and removes a temporary database.
    public func stop() async {
        let (task, group, peer) = state.withLock { state in
            defer { state = State() }
            return (state.task, state.group, state.demoPeer)
        }
        await peer?.stop()
        // Graceful: open WebSockets get a normal close frame instead of a dropped connection.
        await group?.triggerGracefulShutdown()
        await task?.value
        await storage.closeWithoutBlocking()
    }

    /// Serves until SIGINT or SIGTERM.
    public func run() async throws {
        try await prepare()
        let application = try makeApplication { port in self.didBind(port) }
        let group = ServiceGroup(
            configuration: .init(
                services: [application] + doors.flatMap(\.services), gracefulShutdownSignals: [.sigint, .sigterm],
                logger: logger))
        try await group.run()
        await state.withLock { $0.demoPeer }?.stop()
        await storage.closeWithoutBlocking()
    }

    private func prepare() async throws {
        let expired = try await storage.deleteExpiredSessions(now: configuration.clock.now())
        if expired > 0 { logger.info("deleted expired login sessions", metadata: ["count": "\(expired)"]) }
        guard configuration.demo else { return }
        if try await DemoSeed.seedIfEmpty(storage, domain: configuration.domain) {
            logger.info("seeded demo data", metadata: ["db": "\(storage.path)"])
        }
        if configuration.demoPeer {
            let peer = DemoPeer(service: core, logger: logger)
            state.withLock { $0.demoPeer = peer }
            try await peer.start()
        }
    }

    private func didBind(_ port: Int) {
        boundPort.set(port)
        logger.info(
            "natterd listening",
            metadata: ["address": "\(configuration.host):\(port)", "domain": "\(configuration.domain)"])
    }
}

/// A port learnt once the listener is bound.
final class BoundPort: Sendable {
    private let port = Mutex<Int?>(nil)

    var value: Int? { port.withLock { $0 } }

    func set(_ value: Int) { port.withLock { $0 = value } }
}
