import Foundation
import NatterEngine
import NatterModel
import Synchronization

/// What every adapter shares, whatever its protocol: the engine's sink, the `LinkSupervisor` that runs the
/// adapter's link, and the promise that no event reaches the engine once `stop()` has returned.
///
/// The adapter keeps its protocol state (its pure session) to itself; this type only knows whether the
/// adapter runs.
public final class AdapterLifecycle: Sendable {
    private struct State {
        var sink: (@Sendable (EngineEvent) -> Void)?
        var supervisor: LinkSupervisor?
        var started = false
        var stopped = false
    }

    private let state = Mutex(State())
    /// Held while an event is handed to the engine, so `stop` can promise that none arrives after it returns.
    /// Recursive because the engine may answer an event by calling the adapter, which emits on the same thread.
    private let emitGate = NSRecursiveLock()

    public init() {}

    /// Hands events to `sink` from now on, and runs `body` under a supervisor that reports the link's
    /// connection states as events. Does nothing (and returns false) once started or stopped.
    @discardableResult
    public func start(
        name: String, configuration: ReconnectStateMachine.Configuration,
        sink: @escaping @Sendable (EngineEvent) -> Void, body: @escaping LinkSupervisor.Body
    ) -> Bool {
        let supervisor = LinkSupervisor(
            name: name, configuration: configuration,
            // Strong capture of self: `stop()` drops the supervisor and with it the cycle.
            report: { [self] state in emit(.session(.connection(state))) },
            body: body)
        guard attach(sink, supervisor: supervisor) else { return false }
        supervisor.start()
        return true
    }

    /// Hands events to `sink` from now on, for an adapter that runs no supervised link of its own.
    @discardableResult
    public func start(sink: @escaping @Sendable (EngineEvent) -> Void) -> Bool {
        attach(sink, supervisor: nil)
    }

    /// Stops the supervisor, runs `interrupt` (the adapter closes its own socket or cancels its own requests,
    /// which only it knows how to do), then waits for an event in flight. No event is emitted after this.
    public func stop(interrupting interrupt: () -> Void = {}) {
        let supervisor = state.withLock { state in
            state.stopped = true
            state.sink = nil
            defer { state.supervisor = nil }
            return state.supervisor
        }
        supervisor?.stop()
        interrupt()
        emitGate.withLock {}
    }

    public func emit(_ event: EngineEvent) {
        emitGate.withLock {
            let sink = state.withLock { $0.sink }
            sink?(event)
        }
    }

    public func emit(_ events: [EngineEvent]) { for event in events { emit(event) } }

    public var isStopped: Bool { state.withLock { $0.stopped } }

    private func attach(_ sink: @escaping @Sendable (EngineEvent) -> Void, supervisor: LinkSupervisor?) -> Bool {
        state.withLock { state in
            guard !state.stopped, !state.started else { return false }
            state.started = true
            state.sink = sink
            state.supervisor = supervisor
            return true
        }
    }
}
