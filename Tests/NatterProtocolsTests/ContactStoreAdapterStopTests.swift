import Dispatch
import Foundation
import NatterEngine
import NatterProtocols
import Synchronization
import Testing

/// `stop` promises that no event reaches the engine after it returns, without a recursive lock: called from inside
/// the sink it must not wait for itself.
@Suite struct ContactStoreAdapterStopTests {
    /// Nothing listens on port 9, so every load fails at once and is retried after 10 ms.
    static func adapter() -> ContactStoreAdapter {
        ContactStoreAdapter(
            configuration: ContactStoreAdapterConfiguration(
                serverURL: "http://127.0.0.1:9", user: "alice", password: "alice", retryDelay: .milliseconds(10)))
    }

    @Test func stopFromInsideTheSinkReturns() {
        let adapter = Self.adapter()
        let events = Mutex<[EngineEvent]>([])
        let returned = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            adapter.start { event in
                events.withLock { $0.append(event) }
                adapter.stop()
            }
            returned.signal()
        }
        // A deadlock shows as start never returning; the wait only bounds how long the test hangs then.
        #expect(returned.wait(timeout: .now() + 10) == .success, "stop inside the sink deadlocked")
        #expect(events.withLock { $0 } == [.session(.connection(.connecting))])
    }

    @Test func noEventArrivesAfterStopReturns() throws {
        let adapter = Self.adapter()
        let events = Mutex(0)
        let failed = DispatchSemaphore(value: 0)
        adapter.start { event in
            events.withLock { $0 += 1 }
            if case .session(.connection(.offline)) = event { failed.signal() }
        }
        // Let it fail and retry a few times, so a retry is likely under way when it is stopped.
        for _ in 0..<3 {
            #expect(failed.wait(timeout: .now() + 10) == .success, "the failing load was never reported")
        }
        adapter.stop()
        let atStop = events.withLock { $0 }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(events.withLock { $0 } == atStop)
    }
}
