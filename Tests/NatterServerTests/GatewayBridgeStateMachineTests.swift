import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Gateways: the bridge's connection state machine")
struct GatewayBridgeStateMachineTests {
    typealias Machine = GatewayBridgeStateMachine

    @Test func startThenTryingThenOnline() {
        var machine = Machine(localUserOnline: true)
        #expect(machine.state == .start)
        #expect(
            machine.begin() == [
                .report(.start, timeUntilNextConnect: nil), .report(.tryingToConnect, timeUntilNextConnect: nil),
                .connect,
            ])
        #expect(machine.state == .tryingToConnect)
        #expect(machine.connected() == [.report(.online, timeUntilNextConnect: nil)])
        #expect(machine.state == .online)
        #expect(machine.begin().isEmpty)
    }

    @Test func aLocalUserOfflineAtTheStartIsIntentionallyOfflineAndComesOnlineWithThem() {
        var machine = Machine(localUserOnline: false)
        #expect(
            machine.begin() == [
                .report(.start, timeUntilNextConnect: nil), .report(.intentionallyOffline, timeUntilNextConnect: nil),
            ])
        #expect(machine.reconnect().isEmpty, "reconnect does not override the user's own offline")
        #expect(
            machine.localPresence(online: true) == [.report(.tryingToConnect, timeUntilNextConnect: nil), .connect])
        _ = machine.connected()
        #expect(
            machine.localPresence(online: false) == [
                .disconnect, .report(.intentionallyOffline, timeUntilNextConnect: nil),
            ])
        #expect(machine.localPresence(online: false).isEmpty)
    }

    @Test func networkFailuresBackOffDoublingUpToTheCapAndReportTheWait() {
        var machine = Machine(localUserOnline: true, initialDelay: 1000, maximumDelay: 4000)
        _ = machine.begin()
        var delays: [Int64] = []
        var now: Int64 = 10_000
        for _ in 0..<4 {
            let actions = machine.failed(.unreachable, at: now)
            guard case .scheduleRetry(let delay)? = actions.last else {
                Issue.record("a network failure must schedule a retry: \(actions)")
                return
            }
            #expect(actions.contains(.report(.tryingToConnect, timeUntilNextConnect: delay)))
            #expect(machine.timeUntilNextConnect(at: now) == delay)
            #expect(machine.timeUntilNextConnect(at: now + 400) == delay - 400)
            delays.append(delay)
            #expect(machine.retryDue(at: now + delay - 1).isEmpty, "an early timer does nothing")
            now += delay
            #expect(machine.retryDue(at: now) == [.report(.tryingToConnect, timeUntilNextConnect: nil), .connect])
            #expect(machine.timeUntilNextConnect(at: now) == nil)
        }
        #expect(delays == [1000, 2000, 4000, 4000])
        _ = machine.connected()
        // A connection that was up and drops starts again from the first delay.
        #expect(machine.failed(.unreachable, at: now).last == .scheduleRetry(milliseconds: 1000))
    }

    @Test func badAuthNeverRetriesUntilReconnect() {
        var machine = Machine(localUserOnline: true)
        _ = machine.begin()
        #expect(machine.failed(.unauthorized, at: 0) == [.disconnect, .report(.badAuth, timeUntilNextConnect: nil)])
        #expect(machine.state == .badAuth)
        #expect(machine.retryDue(at: 1_000_000).isEmpty)
        #expect(machine.failed(.unreachable, at: 0).isEmpty)
        #expect(machine.reconnect() == [.report(.tryingToConnect, timeUntilNextConnect: nil), .connect])
        _ = machine.failed(.unauthorized, at: 0)
        #expect(machine.state == .badAuth)
    }

    @Test func aDisabledAccountWaitsForReconnectWhichReEnablesIt() {
        var machine = Machine(localUserOnline: true)
        _ = machine.begin()
        _ = machine.connected()
        #expect(
            machine.failed(.accountDisabled, at: 0) == [.disconnect, .report(.disabled, timeUntilNextConnect: nil)])
        #expect(machine.localPresence(online: true).isEmpty)
        #expect(machine.reconnect() == [.report(.tryingToConnect, timeUntilNextConnect: nil), .connect])
        #expect(machine.connected() == [.report(.online, timeUntilNextConnect: nil)])
    }

    @Test func reconnectWhileWaitingTriesAtOnceAndTheOldTimerIsIgnored() {
        var machine = Machine(localUserOnline: true)
        _ = machine.begin()
        _ = machine.failed(.unreachable, at: 0)
        #expect(machine.reconnect() == [.report(.tryingToConnect, timeUntilNextConnect: nil), .connect])
        #expect(machine.retryDue(at: 5000).isEmpty)
        #expect(machine.reconnect().isEmpty, "an attempt is already under way")
    }

    @Test func shutdownIsFinal() {
        var machine = Machine(localUserOnline: true)
        _ = machine.begin()
        _ = machine.connected()
        #expect(machine.shutdown() == [.disconnect, .report(.shutdown, timeUntilNextConnect: nil)])
        #expect(machine.shutdown().isEmpty)
        #expect(machine.reconnect().isEmpty)
        #expect(machine.localPresence(online: true).isEmpty)
        #expect(machine.failed(.unreachable, at: 0).isEmpty)
    }
}
