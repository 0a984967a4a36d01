import Foundation

/// Where the server reads the time and waits: session expiry, presence stamps and the authentication
/// deadline. Injected through `ServerConfiguration` so tests move time forward instead of sleeping.
public protocol ServerClock: Sendable {
    /// Wall-clock time, for what is stored or shown (session use, presence `since`).
    func now() -> Date
    /// Waits `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock.
public struct SystemServerClock: ServerClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
