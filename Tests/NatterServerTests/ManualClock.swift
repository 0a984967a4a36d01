import Foundation
import Synchronization

@testable import NatterServer

/// A server clock that moves only when a test says so: expiry and deadline tests advance it instead of
/// sleeping on the real one.
final class ManualClock: ServerClock {
    private struct Sleeper {
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var elapsed: Duration = .zero
        var sleepers: [UUID: Sleeper] = [:]
    }

    private let start: Date
    private let state = Mutex(State())

    init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        self.start = start
    }

    func now() -> Date {
        let elapsed = state.withLock { $0.elapsed }.components
        return start.addingTimeInterval(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }

    func sleep(for duration: Duration) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Bool in
                    // Cancelled before it got here: the cancellation handler found nothing to resume.
                    guard duration > .zero, !Task.isCancelled else { return true }
                    state.sleepers[id] = Sleeper(deadline: state.elapsed + duration, continuation: continuation)
                    return false
                }
                if resumeNow {
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        continuation.resume()
                    }
                }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.elapsed += duration
            let due = state.sleepers.filter { $0.value.deadline <= state.elapsed }
            for id in due.keys { state.sleepers[id] = nil }
            return Array(due.values)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Waits until `count` tasks sleep on this clock, so an `advance` cannot come before the sleep it is
    /// meant to end.
    func waitForSleepers(_ count: Int, timeout: Duration = .seconds(5)) async throws {
        let deadline = ContinuousClock.now + timeout
        while sleeperCount < count {
            guard ContinuousClock.now < deadline else { throw ManualClockError(sleepers: sleeperCount, wanted: count) }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    struct ManualClockError: Error, CustomStringConvertible {
        let sleepers: Int
        let wanted: Int
        var description: String { "\(sleepers) tasks sleep on the manual clock, \(wanted) expected" }
    }
}
