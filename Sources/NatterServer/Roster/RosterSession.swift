import Foundation
import NatterCodecs
import Synchronization

/// The I/O shell around one Zimbra session's `RosterSessionStateMachine`: it receives the core's events for
/// the session (as its `HubSubscriber`), holds the parked long poll's continuation, and performs the
/// machine's actions. Never blocks: `receive` only queues and resumes.
final class RosterSession: HubSubscriber, Sendable {
    let id: String
    let user: StoredUser
    private let encoder: RosterEventEncoder

    private struct State: Sendable {
        var machine: RosterSessionStateMachine
        var parked: [RosterSessionStateMachine.WaitID: CheckedContinuation<Void, Never>] = [:]
        var hubSession: HubSession?
    }

    private let state: Mutex<State>

    init(id: String, user: StoredUser, encoder: RosterEventEncoder, now: Date) {
        self.id = id
        self.user = user
        self.encoder = encoder
        state = Mutex(State(machine: RosterSessionStateMachine(now: now)))
    }

    var hubSession: HubSession? { state.withLock { $0.hubSession } }

    func attached(_ session: HubSession) { state.withLock { $0.hubSession = session } }

    var lastUsed: Date { state.withLock { $0.machine.lastUsed } }

    var isParked: Bool { state.withLock { $0.machine.parked != nil } }

    var isClosed: Bool { state.withLock { $0.machine.closed } }

    func receive(_ event: HubEvent) {
        deliver(encoder.notifications(for: event, to: user.name))
    }

    /// Queues notifications the door makes itself (subscription requests, multi-user chats).
    func deliver(_ notifications: [IMNotification]) {
        let continuation = state.withLock { state in
            switch state.machine.enqueue(notifications) {
            case .none: nil as CheckedContinuation<Void, Never>?
            case .wake(let id): state.parked.removeValue(forKey: id)
            }
        }
        continuation?.resume()
    }

    /// A request names this session: drops acknowledged blocks and answers a poll still parked.
    func request(acknowledged: Int64?, now: Date) {
        let continuation = state.withLock { state in
            state.machine.request(acknowledged: acknowledged, now: now).flatMap { state.parked.removeValue(forKey: $0) }
        }
        continuation?.resume()
    }

    /// The notification blocks for a response.
    func respond() -> [ZimbraNotify] { state.withLock { $0.machine.respond() } }

    /// Holds a `NoOpRequest wait="1"` until a notification is queued, `timeout` passes on `clock`, or the
    /// session's next request or close answers it.
    func wait(timeout: Duration, clock: any ServerClock) async {
        await withTaskGroup(of: Void.self) { group in
            let (registered, parkedID) = AsyncStream<RosterSessionStateMachine.WaitID?>.makeStream()
            group.addTask {
                for await id in registered {
                    guard let id else { return }
                    try? await clock.sleep(for: timeout)
                    self.timeout(id)
                    return
                }
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let (resume, id) = state.withLock {
                    state -> ([CheckedContinuation<Void, Never>], RosterSessionStateMachine.WaitID?) in
                    switch state.machine.wait() {
                    case .answerNow:
                        return ([continuation], nil)
                    case .park(let id, let preempted):
                        state.parked[id] = continuation
                        return (preempted.flatMap { state.parked.removeValue(forKey: $0) }.map { [$0] } ?? [], id)
                    }
                }
                parkedID.yield(id)
                parkedID.finish()
                for continuation in resume { continuation.resume() }
            }
            group.cancelAll()
        }
    }

    private func timeout(_ id: RosterSessionStateMachine.WaitID) {
        let continuation = state.withLock { state in
            state.machine.timeout(id) ? state.parked.removeValue(forKey: id) : nil
        }
        continuation?.resume()
    }

    /// Ends the session; a parked poll is answered so its client moves on.
    func close() -> HubSession? {
        let (continuation, hubSession) = state.withLock { state in
            let continuation: CheckedContinuation<Void, Never>? =
                switch state.machine.close() {
                case .none: nil
                case .wake(let id): state.parked.removeValue(forKey: id)
                }
            defer { state.hubSession = nil }
            return (continuation, state.hubSession)
        }
        continuation?.resume()
        return hubSession
    }
}
