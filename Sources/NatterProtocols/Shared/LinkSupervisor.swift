import Foundation
import NatterModel
import Synchronization

/// The shell around `ReconnectStateMachine`: runs a blocking link body on its own thread, feeds what
/// happens to the machine on one serial queue, and performs its actions (start the body, arm a timer,
/// report the connection state).
///
/// The body connects, calls `LinkSupervisor.Link.connected()` once the link is usable (Realtime: after
/// `auth`), and returns or throws when the link ends. Stopping the body is the owner's job (it knows how
/// to interrupt its own socket); `stop()` only guarantees that nothing starts and nothing is reported
/// after it returns. "Online" is the protocol's to report, since only it knows who we are by then.
public final class LinkSupervisor: Sendable {
    /// Handed to the body so it can tell the supervisor that the link is up.
    public struct Link: Sendable {
        fileprivate let supervisor: LinkSupervisor

        public func connected() {
            supervisor.enqueue { $0.connected() }
        }
    }

    public typealias Body = @Sendable (Link) throws -> Void

    private struct Inner {
        var machine: ReconnectStateMachine
        /// Identifies the one timer that may be pending (the stability watch or the backoff wait); a timer
        /// whose number is no longer current was cancelled and does nothing when it fires.
        var timer = 0
    }

    private let name: String
    private let body: Body
    private let report: @Sendable (ConnectionState) -> Void
    private let now: @Sendable () -> Date
    private let random: @Sendable () -> Double
    private let queue: DispatchQueue
    /// Held from an input to the end of its action, so `stop()` cannot return while an action is half done.
    /// Recursive because a report may reach code that calls `stop()` on the same thread.
    private let performing = NSRecursiveLock()
    private let inner: Mutex<Inner>

    /// - Parameters:
    ///   - report: connecting, reconnecting (with the countdown's end) and offline, always from the
    ///     supervisor's queue, never after `stop()` has returned.
    ///   - now, random: injected so tests can check the countdown and the jitter.
    public init(
        name: String, configuration: ReconnectStateMachine.Configuration,
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        report: @escaping @Sendable (ConnectionState) -> Void, body: @escaping Body
    ) {
        self.name = name
        self.body = body
        self.report = report
        self.now = now
        self.random = random
        queue = DispatchQueue(label: name + ".supervisor")
        inner = Mutex(Inner(machine: ReconnectStateMachine(configuration: configuration)))
    }

    public func start() {
        enqueue { $0.start() }
    }

    /// After this returns no new connection starts, no timer fires and nothing more is reported.
    public func stop() {
        handle { $0.stop() }
    }

    private func enqueue(_ input: @escaping @Sendable (inout ReconnectStateMachine) -> ReconnectStateMachine.Action) {
        queue.async { self.handle(input) }
    }

    /// One input, then its action; on `queue` except for `stop()`. `timer` is set for a timer's input and
    /// makes it a no-op once that timer was cancelled.
    private func handle(timer: Int? = nil, _ input: (inout ReconnectStateMachine) -> ReconnectStateMachine.Action) {
        performing.lock()
        defer { performing.unlock() }
        let action = inner.withLock { inner -> ReconnectStateMachine.Action in
            if let timer, timer != inner.timer { return .none }
            let action = input(&inner.machine)
            // Any real transition makes the pending timer stale, so a stability watch left over from an
            // earlier connection can never reset a later one's backoff.
            if action != .none && action != .reset { inner.timer += 1 }
            return action
        }
        perform(action)
    }

    private func perform(_ action: ReconnectStateMachine.Action) {
        switch action {
        case .connect:
            report(.connecting)
            let thread = Thread { [self] in runBody() }
            thread.name = name
            thread.start()
        case .watchStability(let seconds):
            arm(after: seconds) { $0.stablePeriodElapsed() }
        case .wait(let seconds, let attempt, let reason):
            report(.reconnecting(attempt: attempt, retryAt: now().addingTimeInterval(seconds), reason: reason))
            arm(after: seconds) { $0.timerFired() }
        case .giveUp(let reason):
            report(.offline(reason: reason))
        case .reset, .disconnect, .none:
            break
        }
    }

    private func arm(
        after seconds: Double,
        _ input: @escaping @Sendable (inout ReconnectStateMachine) -> ReconnectStateMachine.Action
    ) {
        let timer = inner.withLock { $0.timer }
        queue.asyncAfter(deadline: .now() + seconds) { self.handle(timer: timer, input) }
    }

    private func runBody() {
        let link = Link(supervisor: self)
        let reason: String
        let retryable: Bool
        do {
            try body(link)
            reason = "connection closed"
            retryable = true
        } catch let failure as any LinkFailure {
            reason = String(describing: failure)
            retryable = failure.retryingCanHelp
        } catch {
            reason = String(describing: error)
            retryable = true
        }
        let jitter = random()
        enqueue { $0.connectionEnded(reason: reason, retryable: retryable, jitter: jitter) }
    }
}
