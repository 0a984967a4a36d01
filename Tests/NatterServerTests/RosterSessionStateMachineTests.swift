import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Roster: session state machine (notify seq, long poll)")
struct RosterSessionStateMachineTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let hello = IMNotification.subscribe(from: "bob@natter.test")
    let bye = IMNotification.leftChat(thread: "m:1", addr: "bob@natter.test")

    @Test func notificationsAreSealedIntoNumberedBlocksAndResentUntilAcknowledged() {
        var machine = RosterSessionStateMachine(now: now)
        #expect(machine.enqueue([hello]) == .none)
        #expect(machine.respond() == [ZimbraNotify(seq: 1, notifications: [hello])])
        // The response was lost: the next one repeats block 1 and adds block 2.
        _ = machine.request(acknowledged: nil, now: now)
        _ = machine.enqueue([bye])
        #expect(machine.respond().map(\.seq) == [1, 2])
        _ = machine.request(acknowledged: 1, now: now)
        #expect(machine.respond() == [ZimbraNotify(seq: 2, notifications: [bye])])
        _ = machine.request(acknowledged: 2, now: now)
        #expect(machine.respond().isEmpty)
    }

    @Test func waitParksUntilANotificationIsQueued() throws {
        var machine = RosterSessionStateMachine(now: now)
        guard case .park(let id, let preempted) = machine.wait() else {
            Issue.record("an empty session must park the poll")
            return
        }
        #expect(preempted == nil)
        #expect(machine.enqueue([hello]) == .wake(id))
        #expect(machine.parked == nil)
        // A later timeout of the answered poll changes nothing.
        #expect(machine.timeout(id) == false)
    }

    @Test func waitAnswersAtOnceWhileSomethingIsUnacknowledged() {
        var machine = RosterSessionStateMachine(now: now)
        _ = machine.enqueue([hello])
        #expect(machine.wait() == .answerNow)
        _ = machine.respond()
        _ = machine.request(acknowledged: nil, now: now)
        #expect(machine.wait() == .answerNow)
    }

    @Test func aNewRequestAnswersTheParkedPoll() throws {
        var machine = RosterSessionStateMachine(now: now)
        let first = machine.wait()
        guard case .park(let id, _) = first else {
            Issue.record("expected a parked poll, got \(first)")
            return
        }
        #expect(machine.request(acknowledged: nil, now: now.addingTimeInterval(5)) == id)
        #expect(machine.lastUsed == now.addingTimeInterval(5))
        #expect(machine.enqueue([hello]) == .none)
    }

    @Test func timeoutAnswersOnlyTheCurrentPoll() throws {
        var machine = RosterSessionStateMachine(now: now)
        guard case .park(let id, _) = machine.wait() else {
            Issue.record("expected a parked poll")
            return
        }
        #expect(machine.timeout(id) == true)
        #expect(machine.parked == nil)
    }

    @Test func closingAnswersTheParkedPollAndDropsTheQueue() throws {
        var machine = RosterSessionStateMachine(now: now)
        guard case .park(let id, _) = machine.wait() else {
            Issue.record("expected a parked poll")
            return
        }
        #expect(machine.close() == .wake(id))
        #expect(machine.enqueue([hello]) == .none)
        #expect(machine.wait() == .answerNow)
        #expect(machine.respond().isEmpty)
    }

    @Test func aClientThatNeverAcknowledgesLosesItsSessionNotTheServersMemory() {
        var machine = RosterSessionStateMachine(now: now)
        for _ in 0..<RosterSessionStateMachine.capacity {
            _ = machine.enqueue([hello])
            _ = machine.respond()
        }
        #expect(!machine.closed)
        _ = machine.enqueue([hello])
        #expect(machine.closed)
        #expect(machine.queuedCount == 0)
    }
}

@Suite("Roster: thread ids")
struct RosterThreadIDTests {
    @Test func directThreadsAreTheSameFromBothSides() {
        let a = RosterThreadID.direct(between: "alice", and: "Bob")
        let b = RosterThreadID.direct(between: "bob", and: "alice")
        #expect(a == b)
        #expect(a.description == "d:alice:bob")
        #expect(RosterThreadID("d:bob:alice") == a)
        #expect(a.peer(of: "alice") == "bob")
        #expect(a.peer(of: "carol") == nil)
    }

    @Test func malformedThreadIDsAreRejected() {
        for text in ["", "d:alice", "d::bob", "x:1", "m:0", "m:abc", "d:a:b:c"] {
            #expect(RosterThreadID(text) == nil, "\(text)")
        }
        #expect(RosterThreadID("m:7") == .group(7))
    }
}
