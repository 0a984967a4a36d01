import Foundation
import NatterEngine
import NatterModel
import Synchronization
import Testing

/// When observers (the TUI's wake pipe) hear of a change: right after it, whichever thread is busy with effects.
@Suite struct EngineStoreObserverTests {
    let bob = JID("bob@a.test")!

    @Test func aChangeIsToldWhileAnotherThreadIsStuckInASlowCacheWrite() throws {
        let cache = ScriptedMessageStore()
        let engine = EngineStore(state: ClientState(domain: "a.test"), stores: [cache])
        let adapter = RecordingAdapter()
        engine.attach(adapter)
        adapter.emit(.session(.authenticated(JID("alice@a.test/tui")!)))
        let heard = Mutex<[UInt64]>([])
        engine.observe { [engine] in heard.withLock { $0.append(engine.state.revision) } }

        // The adapter's reader thread receives a message; its reduction asks for `.persist`, so that thread drains
        // the effect queue and sits in the cache write (a busy SQLite lock, a slow fsync) until we let it go.
        cache.holdWrites()
        let readerDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [adapter, bob] in
            adapter.emit(.chat(.received(Self.message(from: bob, key: "k1"))))
            readerDone.signal()
        }
        defer {
            cache.releaseWrites()
            _ = readerDone.wait(timeout: .now() + 10)
        }
        try #require(cache.writeStarted.wait(timeout: .now() + 10) == .success)

        // Meanwhile another thread (the connection coming up, a key typed) changes the state.
        engine.ingest(.session(.connection(.online)))
        let revision = engine.state.revision
        #expect(engine.state.accounts[.default]?.connection.isOnline == true)
        #expect(
            heard.withLock { $0.contains(revision) },
            "the change was visible in the state but its observer call waited for another thread's cache write")
    }

    @Test func aCacheFailureIsAChangeOfItsOwnThatObserversHear() throws {
        let cache = ScriptedMessageStore()
        cache.failWrites()
        let engine = EngineStore(state: ClientState(domain: "a.test"), stores: [cache])
        let adapter = RecordingAdapter()
        engine.attach(adapter)
        adapter.emit(.session(.authenticated(JID("alice@a.test/tui")!)))
        let heard = Mutex<[(revision: UInt64, notice: String?)]>([])
        engine.observe { [engine] in
            let state = engine.state
            heard.withLock { $0.append((state.revision, state.statusNotice?.text)) }
        }
        let before = engine.state.revision

        adapter.emit(.chat(.received(Self.message(from: bob, key: "k1"))))

        let state = engine.state
        #expect(state.statusNotice?.text.contains("local cache: disk full") == true)
        // One revision for the message, one for the notice: a screen that drew the message alone is stale.
        #expect(state.revision == before + 2)
        let last = try #require(heard.withLock { $0.last })
        #expect(last.revision == state.revision)
        #expect(last.notice?.contains("local cache: disk full") == true)
    }

    @Test func everyChangeIsToldAndNoObserverRunsTwiceAtOnce() async {
        let engine = EngineStore(state: ClientState(domain: "a.test"))
        let inside = Atomic<Bool>(false)
        let overlaps = Atomic<Int>(0)
        let newest = Mutex<UInt64>(0)
        engine.observe { [engine] in
            if inside.exchange(true, ordering: .acquiringAndReleasing) {
                overlaps.add(1, ordering: .relaxed)
            }
            let revision = engine.state.revision
            newest.withLock { $0 = max($0, revision) }
            inside.store(false, ordering: .releasing)
        }
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<8 {
                group.addTask {
                    for index in 0..<100 { engine.dispatch(.notice(.info("\(thread)-\(index)"))) }
                }
            }
        }
        // Every dispatch has returned, so every change has been told, the last one included.
        #expect(newest.withLock { $0 } == engine.state.revision)
        #expect(overlaps.load(ordering: .relaxed) == 0)
    }

    @Test func anObserverThatDispatchesIsToldOfItsOwnChangeWithoutRecursing() {
        let engine = EngineStore(state: ClientState(domain: "a.test"))
        let depth = Mutex((current: 0, deepest: 0, calls: 0))
        engine.observe { [engine] in
            let calls = depth.withLock { depth in
                depth.current += 1
                depth.deepest = max(depth.deepest, depth.current)
                depth.calls += 1
                return depth.calls
            }
            // Like the TUI's read receipts: a change that answers the one just drawn, once.
            if calls == 1 { engine.dispatch(.notice(.info("answer"))) }
            depth.withLock { $0.current -= 1 }
        }
        engine.dispatch(.notice(.info("first")))
        #expect(depth.withLock { $0.calls } == 2)
        #expect(depth.withLock { $0.deepest } == 1)
        #expect(engine.state.console.map(\.text) == ["first", "answer"])
    }

    static func message(from sender: JID, key: String) -> Message {
        Message(
            id: key, serverKey: key, conversation: .direct(sender), sender: sender, text: key,
            timestamp: Date(timeIntervalSince1970: 1_800_000_000), isOutgoing: false)
    }
}

/// A cache whose writes can be held (like SQLite waiting on a busy lock) or made to fail.
final class ScriptedMessageStore: MessageStore, Sendable {
    private struct Script {
        var holding = false
        var failing = false
    }

    let account = AccountID.default
    private let script = Mutex(Script())
    private let gate = DispatchSemaphore(value: 0)
    /// Signalled when a held write has begun.
    let writeStarted = DispatchSemaphore(value: 0)

    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    func holdWrites() { script.withLock { $0.holding = true } }

    /// Lets a held write go on; the gate is signalled only for a hold that was in force, so it never runs ahead.
    func releaseWrites() {
        let wasHolding = script.withLock { script in
            defer { script.holding = false }
            return script.holding
        }
        if wasHolding { gate.signal() }
    }

    func failWrites() { script.withLock { $0.failing = true } }

    private func write() throws {
        let (holding, failing) = script.withLock { ($0.holding, $0.failing) }
        if holding {
            writeStarted.signal()
            gate.wait()
        }
        if failing { throw DiskFull() }
    }

    func save(_ message: Message) throws { try write() }
    func delete(messageID: String) throws { try write() }
    func save(cursor: ResumeCursor, for protocolKind: ProtocolKind) throws { try write() }
    func recentMessages(in conversation: ConversationID, limit: Int) throws -> [Message] { [] }
    func knownConversations() throws -> [ConversationID] { [] }
    func search(_ text: String, in conversation: ConversationID?, limit: Int) throws -> [Message] { [] }
    func pendingOutbox() throws -> [Message] { [] }
    func resumeCursors() throws -> [ProtocolKind: ResumeCursor] { [:] }
}
