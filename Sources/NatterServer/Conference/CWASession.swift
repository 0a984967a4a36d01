import Foundation
import NatterCodecs
import Synchronization

/// The I/O shell of one CWA sign-in: it holds the two pure machines (sign-in and event log) under one mutex,
/// parks long polls as continuations, and is the core's subscriber for the user's event session.
final class CWASession: HubSubscriber {
    typealias Poll = CheckedContinuation<CWAEventLog.Answer, Never>

    private struct State: Sendable {
        var machine: CWASessionStateMachine
        var log: CWAEventLog
        var parked: [Int: Poll] = [:]
        var hubSession: HubSession?
        var ended = false
    }

    let user: StoredUser
    private let encoder: CWAEventEncoder
    private let state: Mutex<State>
    /// Called once when the event log overflows, so the registry ends the session.
    private let onOverflow: @Sendable (CWASession) -> Void

    init(
        user: StoredUser, ticket: String, now: Date, policy: CWASessionStateMachine.Policy, encoder: CWAEventEncoder,
        logCapacity: Int, onOverflow: @escaping @Sendable (CWASession) -> Void
    ) {
        self.user = user
        self.encoder = encoder
        self.onOverflow = onOverflow
        state = Mutex(
            State(
                machine: CWASessionStateMachine(user: user.name, ticket: ticket, now: now, policy: policy),
                log: CWAEventLog(capacity: logCapacity)))
    }

    var ticket: String { state.withLock { $0.machine.ticket } }
    var sid: String? { state.withLock { $0.machine.sid } }
    var hubSession: HubSession? { state.withLock { $0.hubSession } }

    func isExpired(now: Date) -> Bool { state.withLock { $0.machine.isExpired(now: now) } }

    func command(ticket: String, sid: String?, now: Date, fresh: String) -> CWASessionStateMachine.Authorization {
        state.withLock { $0.machine.command(ticket: ticket, sid: sid, now: now, fresh: fresh) }
    }

    func request(_ request: CWARequest, newSid: String) -> CWASessionStateMachine.RequestAction {
        state.withLock { $0.machine.request(request, newSid: newSid) }
    }

    func attached(_ session: HubSession) { state.withLock { $0.hubSession = session } }

    // MARK: - Events

    func receive(_ event: HubEvent) {}

    func receive(conference event: ConferenceEvent) {
        let encoded = encoder.event(event)
        let (action, poll) = state.withLock { state -> (CWAEventLog.AppendAction, Poll?) in
            guard !state.ended else { return (.none, nil) }
            let action = state.log.append(encoded)
            guard case .answer(let answer) = action else { return (action, nil) }
            return (action, state.parked.removeValue(forKey: answer.poll))
        }
        switch action {
        case .answer(let answer): poll?.resume(returning: answer)
        case .overflowed: onOverflow(self)
        case .none: break
        }
    }

    /// Checks the poll's ticket; `nil` means it may go on to `poll(ackId:)`.
    func authorizePoll(ticket: String, now: Date) -> CWAError? {
        state.withLock { $0.machine.poll(ticket: ticket, now: now) }
    }

    /// Answers at once when events wait after `ackId`, else when one arrives or `wait` has passed.
    enum PollResult: Sendable {
        case answered(CWAEventLog.Answer)
        case refused(CWAError)
    }

    func poll(ackId: Int, wait: Duration, clock: any ServerClock) async -> PollResult {
        let rejected = Mutex<String?>(nil)
        let answer = await withCheckedContinuation { (continuation: Poll) in
            let (action, released) = state.withLock { state -> (CWAEventLog.PollAction, Poll?) in
                guard !state.ended else { return (.reject("the session has ended"), nil) }
                let action = state.log.poll(ackId: ackId)
                var released: Poll?
                switch action {
                case .answer(_, let release?), .wait(_, let release?):
                    released = state.parked.removeValue(forKey: release.poll)
                default: break
                }
                if case .wait(let poll, _) = action { state.parked[poll] = continuation }
                return (action, released)
            }
            switch action {
            case .answer(let answer, let release):
                if let release { released?.resume(returning: release) }
                continuation.resume(returning: answer)
            case .wait(let poll, let release):
                if let release { released?.resume(returning: release) }
                Task { [weak self] in
                    try? await clock.sleep(for: wait)
                    self?.timeout(poll: poll)
                }
            case .reject(let reason):
                rejected.withLock { $0 = reason }
                continuation.resume(returning: CWAEventLog.Answer(poll: 0, ackId: ackId, events: []))
            }
        }
        if let reason = rejected.withLock({ $0 }) {
            return .refused(CWAError(rid: nil, code: "invalidRequest", reason: reason))
        }
        if state.withLock({ $0.ended }) {
            return .refused(CWAError(rid: nil, code: "unknownSession", reason: "the session has ended"))
        }
        return .answered(answer)
    }

    func touch(now: Date) { state.withLock { $0.machine.touch(now: now) } }

    private func timeout(poll: Int) {
        let (answer, continuation) = state.withLock { state -> (CWAEventLog.Answer?, Poll?) in
            guard let answer = state.log.timeout(poll: poll) else { return (nil, nil) }
            return (answer, state.parked.removeValue(forKey: poll))
        }
        if let answer { continuation?.resume(returning: answer) }
    }

    /// Ends the session: parked polls are answered empty so no request hangs. Returns the core session to detach.
    func end() -> HubSession? {
        let (parked, hubSession) = state.withLock { state -> ([Poll], HubSession?) in
            state.ended = true
            defer { state.parked = [:] }
            return (Array(state.parked.values), state.hubSession)
        }
        for poll in parked { poll.resume(returning: CWAEventLog.Answer(poll: 0, ackId: 0, events: [])) }
        return hubSession
    }
}
