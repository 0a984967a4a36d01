import NatterProtocols
import Testing

@Suite("Reconnect state machine")
struct ReconnectStateMachineTests {
    private let configuration = ReconnectStateMachine.Configuration(
        backoff: ReconnectBackoff(base: 1, cap: 30), stablePeriod: 30)

    @Test func startConnectsOnceAndConnectedWatchesStability() {
        var machine = ReconnectStateMachine(configuration: configuration)
        #expect(machine.start() == .connect)
        #expect(machine.start() == .none)
        #expect(machine.connected() == .watchStability(seconds: 30))
        #expect(machine.connected() == .none)
    }

    @Test func failuresBackOffExponentiallyWithJitter() {
        var machine = ReconnectStateMachine(configuration: configuration)
        _ = machine.start()
        var waits: [Double] = []
        for jitter in [0.0, 1.0, 0.5, 0.0, 0.0, 0.0, 0.0] {
            guard
                case .wait(let seconds, let attempt, "refused") =
                    machine.connectionEnded(reason: "refused", retryable: true, jitter: jitter)
            else {
                Issue.record("expected a wait")
                return
            }
            #expect(attempt == waits.count + 1)
            waits.append(seconds)
            #expect(machine.timerFired() == .connect)
        }
        // Ceilings 1, 2, 4, 8, 16, 30, 30 (capped); the delay is between half the ceiling and all of it.
        #expect(waits == [0.5, 2, 3, 4, 8, 15, 15])
    }

    @Test func aDropBeforeTheStablePeriodKeepsGrowingTheBackoff() {
        var machine = ReconnectStateMachine(configuration: configuration)
        _ = machine.start()
        #expect(
            machine.connectionEnded(reason: "x", retryable: true, jitter: 1)
                == .wait(seconds: 1, attempt: 1, reason: "x"))
        _ = machine.timerFired()
        _ = machine.connected()
        // Dropped right after coming up: no reset, so no tight reconnect loop.
        #expect(
            machine.connectionEnded(reason: "x", retryable: true, jitter: 1)
                == .wait(seconds: 2, attempt: 2, reason: "x"))
    }

    @Test func aStableConnectionResetsTheBackoff() {
        var machine = ReconnectStateMachine(configuration: configuration)
        _ = machine.start()
        _ = machine.connectionEnded(reason: "x", retryable: true, jitter: 1)
        _ = machine.timerFired()
        _ = machine.connectionEnded(reason: "x", retryable: true, jitter: 1)
        _ = machine.timerFired()
        _ = machine.connected()
        #expect(machine.stablePeriodElapsed() == .reset)
        #expect(machine.attempt == 0)
        #expect(machine.stablePeriodElapsed() == .none)
        #expect(
            machine.connectionEnded(reason: "y", retryable: true, jitter: 1)
                == .wait(seconds: 1, attempt: 1, reason: "y"))
    }

    @Test func aStabilityWatchOutsideAConnectionIsIgnored() {
        var machine = ReconnectStateMachine(configuration: configuration)
        _ = machine.start()
        #expect(machine.stablePeriodElapsed() == .none)
        _ = machine.connected()
        _ = machine.connectionEnded(reason: "x", retryable: true, jitter: 0)
        #expect(machine.stablePeriodElapsed() == .none)
        #expect(machine.attempt == 1)
    }

    @Test func aFailureRetryingCannotFixGivesUp() {
        var machine = ReconnectStateMachine(configuration: configuration)
        _ = machine.start()
        #expect(
            machine.connectionEnded(reason: "bad password", retryable: false, jitter: 0)
                == .giveUp(reason: "bad password"))
        #expect(machine.timerFired() == .none)
        #expect(machine.start() == .none)
        #expect(machine.stop() == .disconnect)
    }

    @Test func aLiveConnectionRefusedLaterAlsoGivesUp() {
        var machine = ReconnectStateMachine(configuration: configuration)
        _ = machine.start()
        _ = machine.connected()
        _ = machine.stablePeriodElapsed()
        #expect(
            machine.connectionEnded(reason: "session refused", retryable: false, jitter: 0)
                == .giveUp(reason: "session refused"))
    }

    @Test func stopWinsOverEverythingAfterIt() {
        var machine = ReconnectStateMachine(configuration: configuration)
        _ = machine.start()
        _ = machine.connectionEnded(reason: "x", retryable: true, jitter: 0)
        #expect(machine.stop() == .disconnect)
        #expect(machine.isStopped)
        #expect(machine.timerFired() == .none)
        #expect(machine.connectionEnded(reason: "x", retryable: true, jitter: 0) == .none)
        #expect(machine.connected() == .none)
        #expect(machine.stop() == .none)
    }

    @Test func stopBeforeStartNeverConnects() {
        var machine = ReconnectStateMachine(configuration: configuration)
        #expect(machine.stop() == .disconnect)
        #expect(machine.start() == .none)
    }
}
