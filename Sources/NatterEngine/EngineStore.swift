import Foundation
import NatterModel
import Synchronization

/// The one place client state lives: serialises intents and events through the reducer and runs the effects.
///
/// Adapters call in from their own threads (through the sink `attach` gives them, which stamps their account and
/// protocol) and the front end calls `dispatch` from the UI thread; a mutex keeps reductions in order. Effects run
/// outside it, so an adapter may call back in without deadlock, but through one queue in reduction order: a send
/// typed during a reconnect cannot overtake the room join the reconnect asked for, whichever threads they came from.
///
/// Observers are told of a change by the thread that made it, right after the reduction and before any effect runs:
/// whichever thread drains the effect queue may spend seconds in a cache write under a busy disk, and a change made
/// meanwhile on another thread must not wait for that to reach the screen.
public final class EngineStore: Sendable {
    /// An attached adapter and the attachment it belongs to: events from an older attachment are dropped.
    private struct Attachment: Sendable {
        var adapter: any ChatAdapter
        var generation: Int
    }

    private struct Guarded {
        var state: ClientState
        var reducer: Reducer
        var adapters: [SourceKey: Attachment] = [:]
        var nextGeneration = 0
        var stopped = false
        var observers: [Int: @Sendable () -> Void] = [:]
        var nextObserver = 0
        var wakeScheduler: (@Sendable (Date) -> Void)?
        var connector: (@Sendable (AccountID) throws -> [any ChatAdapter])?
        var queue: [Effect] = []
        /// Whether some thread is already running the queue; only one does at a time.
        var draining = false
        /// A change no observer has been told of yet.
        var unannounced = false
        /// Whether some thread is calling the observers; only one does at a time, so no observer runs twice at once.
        var announcing = false
    }

    private let guarded: Mutex<Guarded>
    private let stores: [AccountID: any MessageStore]
    private let clock: @Sendable () -> Date

    /// - Parameter stores: one cache per account; accounts without one keep nothing across restarts.
    public init(
        state: ClientState, reducer: Reducer = Reducer(), stores: [any MessageStore] = [],
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.guarded = Mutex(Guarded(state: state, reducer: reducer))
        self.stores = Dictionary(stores.map { ($0.account, $0) }, uniquingKeysWith: { first, _ in first })
        self.clock = clock
    }

    public var state: ClientState { guarded.withLock { $0.state } }

    /// Called after every change, from whichever thread made it, before that change's effects run; never from
    /// two threads at once. A burst of changes may be told in one call, but a call always comes after the last
    /// change it covers is visible in `state`. Observers should only schedule a redraw. Returns a token for
    /// `removeObserver`.
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

    /// Who builds an account's adapters for `/connect NAME`. It runs off the caller's thread (a password command
    /// may take a while); a thrown error is reported as that account's failure.
    public func setConnector(_ connector: @escaping @Sendable (AccountID) throws -> [any ChatAdapter]) {
        guarded.withLock { $0.connector = connector }
    }

    /// Attaches `adapter` to `account` and starts it. Its events reach the reducer stamped with the account and the
    /// adapter's protocol; an adapter already attached for that account and protocol is stopped first.
    public func attach(_ adapter: any ChatAdapter, account: AccountID = .default) {
        let key = SourceKey(account: account, protocolKind: adapter.protocolKind)
        let (generation, replaced) = guarded.withLock { guarded -> (Int?, (any ChatAdapter)?) in
            guard !guarded.stopped else { return (nil, nil) }
            guarded.nextGeneration += 1
            let replaced = guarded.adapters[key]?.adapter
            guarded.adapters[key] = Attachment(adapter: adapter, generation: guarded.nextGeneration)
            return (guarded.nextGeneration, replaced)
        }
        replaced?.stop()
        guard let generation else { return }
        run { guarded, now in
            guarded.reducer.reduce(
                &guarded.state, event: .session(.attached(adapter.capabilities)), from: key, now: now)
        }
        adapter.start { [weak self] event in self?.ingest(event, from: key, generation: generation) }
    }

    /// Stops the account's adapters; the account stays in the state, offline, for `/accounts` and `/connect`.
    public func detach(account: AccountID) {
        let detached = guarded.withLock { guarded -> [(SourceKey, any ChatAdapter)] in
            let keys = guarded.adapters.keys.filter { $0.account == account }.sorted()
            return keys.compactMap { key in guarded.adapters.removeValue(forKey: key).map { (key, $0.adapter) } }
        }
        for (key, adapter) in detached {
            adapter.stop()
            run { guarded, now in
                guarded.reducer.reduce(&guarded.state, event: .session(.detached), from: key, now: now)
            }
        }
    }

    /// Stops every adapter for good: no event reaches the state after this returns, and nothing attaches again.
    public func detachAll() {
        let adapters = guarded.withLock { guarded in
            defer {
                guarded.adapters.removeAll()
                guarded.stopped = true
            }
            return guarded.adapters.values.map(\.adapter)
        }
        for adapter in adapters { adapter.stop() }
    }

    public func dispatch(_ intent: Intent) {
        run { guarded, now in guarded.reducer.reduce(&guarded.state, intent: intent, now: now) }
    }

    /// Searches the caches (`/search`, `/lastlog`): one conversation's account, or every account. A cache that
    /// cannot be read is reported as a notice rather than hiding the other accounts' matches.
    public func search(_ text: String, in conversation: ConversationID? = nil, limit: Int = 500) -> [Message] {
        var matches: [Message] = []
        for (account, store) in stores.sorted(by: { $0.key < $1.key })
        where conversation == nil || conversation?.account == account {
            do {
                matches += try store.search(text, in: conversation, limit: limit)
            } catch {
                dispatch(
                    .notice(
                        Notice(.warning, "\(account): cannot search the message cache: \(error)", timestamp: clock())))
            }
        }
        return matches.sorted { $0.timestamp < $1.timestamp }
    }

    /// Time passed: lapses typing indicators.
    public func tick(_ now: Date) {
        dispatch(.tick(now))
    }

    /// An event as if from the adapter attached as `source`, for tests and tools that drive the engine directly.
    public func ingest(
        _ event: EngineEvent, from source: SourceKey = SourceKey(account: .default, protocolKind: .realtime)
    ) {
        run { guarded, now in guarded.reducer.reduce(&guarded.state, event: event, from: source, now: now) }
    }

    private func ingest(_ event: EngineEvent, from source: SourceKey, generation: Int) {
        run { guarded, now in
            // Checked under the lock the reduction runs in: a detached or replaced adapter's late event never lands.
            guard guarded.adapters[source]?.generation == generation else { return nil }
            return guarded.reducer.reduce(&guarded.state, event: event, from: source, now: now)
        }
    }

    private func run(_ step: (inout Guarded, Date) -> [Effect]?) {
        let now = clock()
        let (mustAnnounce, mustDrain) = guarded.withLock { guarded -> (Bool, Bool) in
            guard let effects = step(&guarded, now) else { return (false, false) }
            guarded.queue += effects
            guarded.unannounced = true
            defer {
                guarded.announcing = true
                guarded.draining = true
            }
            return (!guarded.announcing, !guarded.draining)
        }
        // Told before the effects: the thread that drains may be another one, stuck in a slow one.
        if mustAnnounce { announceChanges() }
        guard mustDrain else { return }
        while let effect = nextEffect() { perform(effect) }
    }

    /// Calls the observers until no change is left untold; a change made meanwhile on another thread (or by an
    /// observer) is told by the next round here, since that thread found us announcing.
    private func announceChanges() {
        while let observers = guarded.withLock({ guarded -> [@Sendable () -> Void]? in
            guard guarded.unannounced else {
                guarded.announcing = false
                return nil
            }
            guarded.unannounced = false
            return Array(guarded.observers.values)
        }) {
            for observer in observers { observer() }
        }
    }

    private func nextEffect() -> Effect? {
        guarded.withLock { guarded in
            guard !guarded.queue.isEmpty else {
                guarded.draining = false
                return nil
            }
            return guarded.queue.removeFirst()
        }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .adapter(let key, let command):
            // Exactly one adapter: the reducer routed the command already.
            guarded.withLock { $0.adapters[key]?.adapter }?.perform(command)
        case .persist(let message):
            record(message.conversation.account) { try $0.save(message) }
        case .forget(let messageID, let account):
            record(account) { try $0.delete(messageID: messageID) }
        case .saveCursor(let cursor, let key):
            record(key.account) { try $0.save(cursor: cursor, for: key.protocolKind) }
        case .wake(let date):
            guarded.withLock { $0.wakeScheduler }?(date)
        case .connect(let account):
            connect(account)
        case .disconnect(let account):
            detach(account: account)
        case .quit:
            break
        }
    }

    private func connect(_ account: AccountID) {
        guard let connector = guarded.withLock({ $0.connector }) else {
            dispatch(.notice(Notice(.error, "\(account): this session cannot start accounts", timestamp: clock())))
            return
        }
        Thread.detachNewThread { [self] in
            do {
                for adapter in try connector(account) { attach(adapter, account: account) }
            } catch {
                let protocolKind = state.accounts[account]?.protocols.first ?? .realtime
                ingest(
                    .session(.connection(.offline(reason: "cannot start: \(error)"))),
                    from: SourceKey(account: account, protocolKind: protocolKind))
            }
        }
    }

    /// A failing cache must not take the chat down with it, but the user must hear about it: the notice goes
    /// through the reducer like any change, so it moves the revision and the observers are told.
    private func record(_ account: AccountID, _ work: (any MessageStore) throws -> Void) {
        guard let store = stores[account] else { return }
        do {
            try work(store)
        } catch {
            dispatch(.notice(Notice(.error, "local cache: \(error)", timestamp: clock())))
        }
    }
}
