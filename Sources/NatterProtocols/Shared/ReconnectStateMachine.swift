/// When to connect, how long to wait after a failure and when to give up, for any long-lived link: the
/// Realtime WebSocket today, later a NoOp long poll or an event channel. It knows nothing about sockets;
/// `LinkSupervisor` performs its actions.
///
/// Time and randomness come in with the inputs (`jitter`), so tests drive it without sleeping.
public struct ReconnectStateMachine: Sendable {
    public struct Configuration: Sendable, Equatable {
        public var backoff: ReconnectBackoff
        /// A connection must stay up this long before a failure counts as a first attempt again.
        public var stablePeriod: Double

        public init(backoff: ReconnectBackoff = ReconnectBackoff(), stablePeriod: Double = 30) {
            self.backoff = backoff
            self.stablePeriod = stablePeriod
        }
    }

    public enum Action: Sendable, Equatable {
        /// Open a connection now; report `connected()` once it is usable and `connectionEnded` when it ends.
        case connect
        /// The connection is up: report `stablePeriodElapsed()` after `seconds` unless it ends first.
        case watchStability(seconds: Double)
        /// Wait `seconds`, showing the countdown, then report `timerFired()`.
        case wait(seconds: Double, attempt: Int, reason: String)
        /// Retrying cannot help; stay offline until the user acts.
        case giveUp(reason: String)
        /// The connection proved stable: the next failure starts the backoff from the beginning.
        case reset
        /// Tear down whatever is running; the link is stopped for good.
        case disconnect
        case none
    }

    enum State: Sendable, Equatable {
        case idle
        case connecting
        case connected(stable: Bool)
        case waiting
        case gaveUp
        case stopped
    }

    public let configuration: Configuration
    private(set) var state: State = .idle
    /// Failures since the last stable connection; the backoff grows with it.
    public private(set) var attempt = 0

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public mutating func start() -> Action {
        guard state == .idle else { return .none }
        state = .connecting
        return .connect
    }

    public mutating func connected() -> Action {
        guard state == .connecting else { return .none }
        state = .connected(stable: false)
        return .watchStability(seconds: configuration.stablePeriod)
    }

    public mutating func stablePeriodElapsed() -> Action {
        guard state == .connected(stable: false) else { return .none }
        state = .connected(stable: true)
        attempt = 0
        return .reset
    }

    /// The connection attempt failed or a live connection ended. `retryable` is false when trying again with
    /// the same settings cannot succeed (rejected credentials); `jitter` is a uniform draw in 0..<1.
    public mutating func connectionEnded(reason: String, retryable: Bool, jitter: Double) -> Action {
        switch state {
        case .connecting, .connected:
            guard retryable else {
                state = .gaveUp
                return .giveUp(reason: reason)
            }
            // Only a connection that stayed up resets the backoff: one the server drops right after it
            // came up (say, over something we resend) must not turn into a tight reconnect loop.
            attempt += 1
            state = .waiting
            let delay = configuration.backoff.delay(attempt: attempt, random: jitter)
            return .wait(seconds: delay, attempt: attempt, reason: reason)
        case .idle, .waiting, .gaveUp, .stopped:
            return .none
        }
    }

    public mutating func timerFired() -> Action {
        guard state == .waiting else { return .none }
        state = .connecting
        return .connect
    }

    public mutating func stop() -> Action {
        guard state != .stopped else { return .none }
        state = .stopped
        return .disconnect
    }

    public var isStopped: Bool { state == .stopped }
}
