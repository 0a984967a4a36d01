import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// natterd: the Ryver-compatible login and Realtime WebSocket endpoints over one SQLite database.
///
/// Embeddable: `natter --demo` and the tests run it in-process with `start()`/`stop()`; the `natterd`
/// executable uses `run()`. A server is started once; after `stop()` make a new one.
public final class NatterServer: Sendable {
    public let configuration: ServerConfiguration
    public let storage: Storage
    let service: RealtimeService
    let logger: Logger

    private struct State: Sendable {
        var task: Task<Void, Never>?
        var group: ServiceGroup?
        var port: Int?
        var demoPeer: DemoPeer?
    }

    private let state = Mutex(State())

    public init(configuration: ServerConfiguration) throws {
        var logger = configuration.logger ?? Logger(label: "natterd")
        logger.logLevel = configuration.logLevel
        self.configuration = configuration
        self.logger = logger
        let lifetime = configuration.sessionLifetime.components
        storage = try Storage(
            path: configuration.databasePath, passwordIterations: configuration.passwordIterations,
            sessionLifetime: TimeInterval(lifetime.seconds) + TimeInterval(lifetime.attoseconds) * 1e-18)
        service = RealtimeService(storage: storage, domain: configuration.domain, logger: logger)
    }

    /// The bound port once `start()` has returned.
    public var port: Int? { state.withLock { $0.port } }

    /// Binds and serves in the background; returns the bound port once clients can connect.
    @discardableResult
    public func start() async throws -> Int {
        if let port = state.withLock({ $0.task == nil ? nil : $0.port }) { return port }
        try await prepare()
        let (ports, portSink) = AsyncThrowingStream<Int, any Error>.makeStream()
        let application = try makeApplication { port in portSink.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
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
        storage.close()
    }

    /// Serves until SIGINT or SIGTERM.
    public func run() async throws {
        try await prepare()
        let application = try makeApplication { port in self.didBind(port) }
        try await application.runService(gracefulShutdownSignals: [.sigint, .sigterm])
        await state.withLock { $0.demoPeer }?.stop()
        storage.close()
    }

    private func prepare() async throws {
        let expired = try await storage.deleteExpiredSessions()
        if expired > 0 { logger.info("deleted expired login sessions", metadata: ["count": "\(expired)"]) }
        guard configuration.demo else { return }
        if try await DemoSeed.seedIfEmpty(storage, domain: configuration.domain) {
            logger.info("seeded demo data", metadata: ["db": "\(storage.path)"])
        }
        if configuration.demoPeer {
            let peer = DemoPeer(service: service, logger: logger)
            state.withLock { $0.demoPeer = peer }
            try await peer.start()
        }
    }

    private func didBind(_ port: Int) {
        state.withLock { $0.port = port }
        logger.info(
            "natterd listening",
            metadata: ["address": "\(configuration.host):\(port)", "domain": "\(configuration.domain)"])
    }
}
