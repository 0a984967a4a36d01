import Foundation
import NatterEngine
import NatterModel
import Synchronization
import Testing

@Suite struct EngineStoreTests {
    let work = AccountID("work")
    let home = AccountID("home")
    let bob = JID("bob@a.test")!
    let carol = JID("carol@b.test")!

    func twoAccounts() -> (EngineStore, work: RecordingAdapter, home: RecordingAdapter) {
        let counter = Mutex(0)
        let reducer = Reducer(makeMessageID: {
            counter.withLock { value in
                value += 1
                return "m-\(value)"
            }
        })
        let engine = EngineStore(
            state: ClientState(accounts: [
                AccountState(id: work, domain: "a.test"), AccountState(id: home, domain: "b.test"),
            ]),
            reducer: reducer, clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let workAdapter = RecordingAdapter()
        let homeAdapter = RecordingAdapter()
        engine.attach(workAdapter, account: work)
        engine.attach(homeAdapter, account: home)
        workAdapter.emit(.session(.authenticated(JID("alice@a.test/tui")!)))
        homeAdapter.emit(.session(.authenticated(JID("alice@b.test/tui")!)))
        return (engine, workAdapter, homeAdapter)
    }

    @Test func eachCommandGoesToTheAdapterOfItsAccountOnly() {
        let (engine, work, home) = twoAccounts()
        #expect(work.commands == [.presence(.set(.available, status: nil))])
        #expect(home.commands == [.presence(.set(.available, status: nil))])
        engine.dispatch(.send(text: "hi carol", to: .direct(carol, account: self.home)))
        #expect(home.sentLocalIDs == ["m-1"])
        #expect(work.sentLocalIDs.isEmpty)
        engine.dispatch(.joinRoom(JID("lounge@a.test")!, account: self.work))
        #expect(work.commands.contains(.rooms(.join(JID("lounge@a.test")!))))
        #expect(!home.commands.contains(.rooms(.join(JID("lounge@a.test")!))))
    }

    @Test func eventsAreStampedWithTheAccountOfTheirAdapter() throws {
        let (engine, _, home) = twoAccounts()
        // Adapters do not know their account: this one names the default account, the engine corrects it.
        home.emit(
            .chat(
                .received(
                    Message(
                        id: "k1", serverKey: "k1", conversation: .direct(carol), sender: carol, text: "hello",
                        timestamp: Date(timeIntervalSince1970: 1_800_000_000), isOutgoing: false))))
        let conversation = try #require(engine.state.conversations[.direct(carol, account: self.home)])
        #expect(conversation.messages.map(\.text) == ["hello"])
        #expect(engine.state.conversations[.direct(carol)] == nil)
    }

    @Test func aCommandNoAdapterCanDoGetsANoticeNotSilence() {
        let (engine, work, home) = twoAccounts()
        let before = (work.commands.count, home.commands.count)
        engine.dispatch(.channels(.join(.channel("general", account: self.work))))
        engine.dispatch(.roster(.add(bob, name: "Bob", groups: ["Team"], account: self.work)))
        #expect((work.commands.count, home.commands.count) == before)
        #expect(engine.state.console.suffix(2).allSatisfy { $0.level == .error })
        #expect(engine.state.console.suffix(2).map(\.text).contains { $0.contains("cannot do channels") })
        #expect(engine.state.statusNotice?.text.contains("buddy-list editing") == true)
    }

    @Test func oneAccountDownNeverBlocksAnotherAndItsReconnectResendsOnlyItsOwnOutbox() {
        let (engine, work, home) = twoAccounts()
        let retry = Date(timeIntervalSince1970: 1_800_000_004)
        work.emit(.session(.connection(.reconnecting(attempt: 1, retryAt: retry, reason: "reset"))))
        engine.dispatch(.send(text: "to bob, queued", to: .direct(bob, account: self.work)))
        engine.dispatch(.send(text: "to carol, now", to: .direct(carol, account: self.home)))
        #expect(work.sentLocalIDs.isEmpty)
        #expect(home.sentLocalIDs == ["m-2"])
        #expect(engine.state.accounts[self.work]?.connection.isOnline == false)
        #expect(engine.state.accounts[self.home]?.isOnline == true)

        work.emit(.session(.authenticated(JID("alice@a.test/tui")!)))
        #expect(work.sentLocalIDs == ["m-1"])
        #expect(home.sentLocalIDs == ["m-2"])
    }

    @Test func effectsReachAdaptersInReductionOrderWhateverThreadsDispatch() async {
        // The adapter acks each send from inside `perform`, re-entering the engine mid-drain.
        let engine = EngineStore(state: ClientState(domain: "a.test"), reducer: Reducer(makeMessageID: Self.counter()))
        let adapter = RecordingAdapter { command, adapter in
            if case .chat(.send(let localID, _, _)) = command {
                adapter.emit(.chat(.acked(localID: localID, serverKey: "k-" + localID, timestamp: nil)))
            }
        }
        engine.attach(adapter)
        adapter.emit(.session(.authenticated(JID("alice@a.test/tui")!)))
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<8 {
                group.addTask {
                    for index in 0..<50 {
                        engine.dispatch(.send(text: "\(thread)-\(index)", to: .direct(JID("peer\(thread)@a.test")!)))
                    }
                }
            }
        }
        // Ids are made inside the reduction, so reduction order is m-1, m-2, …; the adapter must see exactly that.
        #expect(adapter.sentLocalIDs == (1...400).map { "m-\($0)" })
        let pending = engine.state.conversations.values.flatMap(\.messages).filter { $0.delivery == .pending }
        #expect(pending.isEmpty)
    }

    @Test func noEventReachesTheStateAfterStop() {
        let (engine, work, home) = twoAccounts()
        engine.detach(account: self.work)
        #expect(work.isStopped)
        #expect(engine.state.accounts[self.work]?.attachedAdapters.isEmpty == true)
        #expect(engine.state.accounts[self.work]?.connection.isOnline == false)
        let revision = engine.state.revision
        work.emit(.chat(.received(Self.message(from: bob, key: "late"))))
        #expect(engine.state.revision == revision)
        #expect(engine.state.conversations.isEmpty)

        engine.detachAll()
        #expect(home.isStopped)
        home.emit(.chat(.received(Self.message(from: carol, key: "later"))))
        #expect(engine.state.revision == revision)
        engine.attach(RecordingAdapter(), account: self.home)
        #expect(engine.state.revision == revision, "nothing attaches after detachAll")
    }

    @Test func disconnectAndConnectOneAccountAtRuntime() {
        let (engine, work, home) = twoAccounts()
        let replacement = RecordingAdapter()
        engine.setConnector { account in
            if account == AccountID("broken") { throw StartFailure() }
            return [replacement]
        }
        engine.dispatch(.accounts(.disconnect(self.work)))
        #expect(work.isStopped && !home.isStopped)
        engine.dispatch(.accounts(.connect(self.work)))
        #expect(replacement.started.wait(timeout: .now() + 10) == .success)
        replacement.emit(.session(.authenticated(JID("alice@a.test/tui")!)))
        #expect(engine.state.accounts[self.work]?.isOnline == true)
        #expect(replacement.commands == [.presence(.set(.available, status: nil))])
    }

    @Test func connectingAnAccountThatCannotStartReportsItForThatAccount() {
        let (engine, _, _) = twoAccounts()
        let broken = AccountID("broken")
        var state = engine.state
        state.accounts[broken] = AccountState(id: broken, domain: "c.test")
        let engineWithBroken = EngineStore(state: state)
        let failed = DispatchSemaphore(value: 0)
        engineWithBroken.setConnector { _ in throw StartFailure() }
        let token = engineWithBroken.observe { [engineWithBroken] in
            if engineWithBroken.state.accounts[broken]?.lastError != nil { failed.signal() }
        }
        engineWithBroken.dispatch(.accounts(.connect(broken)))
        #expect(failed.wait(timeout: .now() + 10) == .success)
        engineWithBroken.removeObserver(token)
        #expect(engineWithBroken.state.accounts[broken]?.lastError == "cannot start: password command failed")
        #expect(engineWithBroken.state.accounts[self.work]?.lastError == nil)
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String { "password command failed" }
    }

    static func counter() -> @Sendable () -> String {
        let counter = Mutex(0)
        return {
            counter.withLock { value in
                value += 1
                return "m-\(value)"
            }
        }
    }

    static func message(from sender: JID, key: String) -> Message {
        Message(
            id: key, serverKey: key, conversation: .direct(sender), sender: sender, text: key,
            timestamp: Date(timeIntervalSince1970: 1_800_000_000), isOutgoing: false)
    }
}
