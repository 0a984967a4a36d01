import ServiceLifecycle

/// Ends Zimbra sessions that stopped asking, on the server's clock, so a client that vanished goes offline
/// for its contacts within a sweep of the idle timeout, not whenever some other request happens to arrive.
struct RosterSweeper: Service {
    let service: RosterService
    let interval: Duration

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await service.clock.sleep(for: interval)
                await service.expireIdleSessions()
            }
        }
    }
}
