import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Synchronization
import Testing

@Suite("Adapter lifecycle")
struct AdapterLifecycleTests {
    /// Counts what reached the engine.
    private final class Sink: Sendable {
        let events = Mutex<[EngineEvent]>([])
        func take(_ event: EngineEvent) { events.withLock { $0.append(event) } }
        var count: Int { events.withLock { $0.count } }
    }

    private static let configuration = ReconnectStateMachine.Configuration(
        backoff: ReconnectBackoff(base: 0.01, cap: 0.02), stablePeriod: 60)

    @Test func reportsTheLinkAsConnectingAndRunsItsBody() throws {
        let lifecycle = AdapterLifecycle()
        let sink = Sink()
        let ran = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let started = lifecycle.start(
            name: "test.lifecycle", configuration: Self.configuration, sink: sink.take,
            body: { link in
                link.connected()
                ran.signal()
                release.wait()
            })
        #expect(started)
        #expect(ran.wait(timeout: .now() + 10) == .success)
        #expect(sink.events.withLock { $0 }.contains(.session(.connection(.connecting))))
        lifecycle.stop(interrupting: { release.signal() })
        #expect(lifecycle.isStopped)
    }

    @Test func startsOnlyOnceAndNeverAfterStop() {
        let lifecycle = AdapterLifecycle()
        let sink = Sink()
        #expect(lifecycle.start(sink: sink.take))
        #expect(!lifecycle.start(sink: sink.take))
        let stopped = AdapterLifecycle()
        stopped.stop()
        #expect(!stopped.start(sink: sink.take))
    }

    @Test func nothingReachesTheEngineAfterStopReturns() {
        let lifecycle = AdapterLifecycle()
        let sink = Sink()
        lifecycle.start(sink: sink.take)
        lifecycle.emit(.session(.connection(.connecting)))
        #expect(sink.count == 1)
        lifecycle.stop()
        lifecycle.emit([.session(.connection(.connecting)), .session(.connection(.connecting))])
        #expect(sink.count == 1)
    }

    @Test func theInterruptRunsAfterTheSupervisorStopped() {
        let lifecycle = AdapterLifecycle()
        let interrupted = Mutex(false)
        lifecycle.start(sink: { _ in })
        lifecycle.stop(interrupting: { interrupted.withLock { $0 = lifecycle.isStopped } })
        #expect(interrupted.withLock { $0 })
    }
}
