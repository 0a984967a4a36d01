import Foundation
import NatterModel
import Synchronization

/// The one place client state lives: serialises intents and events through the reducer and runs the effects.
///
/// Adapters call `ingest` from their own threads and the front end calls `dispatch` from the UI thread; a mutex
/// keeps reductions in order. Effects run outside it, so an adapter may call back in without deadlock, but
/// through one queue in reduction order: a `sendChat` typed during a reconnect cannot overtake the `joinRoom`
/// the reconnect asked for, whichever threads the two came from.
public final class EngineStore: Sendable {
    private enum Work: Sendable {
        case effect(Effect)
        case notifyObservers
    }

    private struct Guarded {
        var state: ClientState
        var reducer: Reducer
        var adapters: [any ChatAdapter]
        var observers: [Int: @Sendable () -> Void]
        var nextObserver = 0
        var wakeScheduler: (@Sendable (Date) -> Void)?
        var queue: [Work] = []
        /// Whether some thread is already running the queue; only one does at a time.
        var draining = false
    }

    private let guarded: Mutex<Guarded>
    private let store: (any MessageStore)?
    private let clock: @Sendable () -> Date

    public init(
        state: ClientState, reducer: Reducer = Reducer(), store: (any MessageStore)? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.guarded = Mutex(Guarded(state: state, reducer: reducer, adapters: [], observers: [:], wakeScheduler: nil))
        self.store = store
        self.clock = clock
    }

    public var state: ClientState { guarded.withLock { $0.state } }

    /// Called after every change, from whichever thread made it. Observers should only schedule a redraw.
    /// Returns a token for `removeObserver`.
    @discardableResult
    public func observe(_ observer: @escaping @Sendable () -> Void) -> Int {
        guarded.withLock { guarded in
            guarded.nextObserver += 1
            guarded.observers[guarded.nextObserver] = observer
            return guarded.nextObserver
        }
    }

    public func removeObserver(_ token: Int) {
        _ = guarded.withLock { $0.observers.removeValue(forKey: token) }
    }

    /// Who turns `.wake(at:)` effects into a later `.tick`; the TUI uses its poll timeout, scripts a timer.
    public func setWakeScheduler(_ scheduler: @escaping @Sendable (Date) -> Void) {
        guarded.withLock { $0.wakeScheduler = scheduler }
    }

    public func attach(_ adapter: any ChatAdapter) {
        guarded.withLock { $0.adapters.append(adapter) }
        adapter.start { [weak self] event in self?.ingest(event) }
    }

    public func detachAll() {
        let adapters = guarded.withLock { guarded in
            defer { guarded.adapters.removeAll() }
            return guarded.adapters
        }
        for adapter in adapters { adapter.stop() }
    }

    public func dispatch(_ intent: Intent) {
        run { reducer, state, now in reducer.reduce(&state, intent: intent, now: now) }
    }

    public func ingest(_ event: EngineEvent) {
        run { reducer, state, now in reducer.reduce(&state, event: event, now: now) }
    }

    private func run(_ step: (Reducer, inout ClientState, Date) -> [Effect]) {
        let now = clock()
        let mustDrain = guarded.withLock { guarded in
            let effects = step(guarded.reducer, &guarded.state, now)
            guarded.queue += effects.map(Work.effect)
            guarded.queue.append(.notifyObservers)
            defer { guarded.draining = true }
            return !guarded.draining
        }
        guard mustDrain else { return }
        while let work = nextWork() {
            switch work {
            case .effect(let effect): perform(effect)
            case .notifyObservers: for observer in guarded.withLock({ Array($0.observers.values) }) { observer() }
            }
        }
    }

    private func nextWork() -> Work? {
        guarded.withLock { guarded in
            guard !guarded.queue.isEmpty else {
                guarded.draining = false
                return nil
            }
            return guarded.queue.removeFirst()
        }
    }

    private func perform(_ effect: Effect) {
        let (adapters, scheduler) = guarded.withLock { ($0.adapters, $0.wakeScheduler) }
        switch effect {
        case .adapter(let command):
            for adapter in adapters { adapter.perform(command) }
        case .persist(let message):
            record { try $0.save(message) }
        case .forget(let messageID):
            record { try $0.delete(messageID: messageID) }
        case .wake(let date):
            scheduler?(date)
        case .quit:
            break
        }
    }

    /// A failing cache must not take the chat down with it, but the user must hear about it.
    private func record(_ work: (any MessageStore) throws -> Void) {
        guard let store else { return }
        do {
            try work(store)
        } catch {
            let notice = Notice.error("local cache: \(error)")
            guarded.withLock { guarded in
                guarded.state.console.append(notice)
                guarded.state.statusNotice = notice
            }
        }
    }
}
