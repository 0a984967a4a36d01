import NatterCodecs
import Testing

@testable import NatterServer

/// The long poll's event log, pure: acknowledgement, replay after a lost answer, one waiting poll.
struct CWAEventLogTests {
    private func event(_ n: Int) -> CWAConferenceEvent {
        CWAConferenceEvent(confId: String(n), kind: .imSessionState(.connected))
    }

    @Test func aPollWithNothingQueuedWaitsAndTheNextEventAnswersIt() {
        var log = CWAEventLog()
        #expect(log.poll(ackId: 0) == .wait(poll: 1, release: nil))
        #expect(log.append(event(1)) == .answer(.init(poll: 1, ackId: 1, events: [event(1)])))
        // Answered once: a second event waits for the next poll.
        #expect(log.append(event(2)) == CWAEventLog.AppendAction.none)
    }

    @Test func aLostAnswerIsSentAgainAndAnAcknowledgedOneNever() {
        var log = CWAEventLog()
        _ = log.append(event(1))
        _ = log.append(event(2))
        let all = CWAEventLog.Answer(poll: 1, ackId: 2, events: [event(1), event(2)])
        #expect(log.poll(ackId: 0) == .answer(all, release: nil))
        // The answer never arrived: the client polls with the same AckId and gets the same events.
        #expect(log.poll(ackId: 0) == .answer(.init(poll: 2, ackId: 2, events: [event(1), event(2)]), release: nil))
        _ = log.append(event(3))
        #expect(log.poll(ackId: 2) == .answer(.init(poll: 3, ackId: 3, events: [event(3)]), release: nil))
        #expect(log.poll(ackId: 3) == .wait(poll: 4, release: nil))
        #expect(log.unacknowledged == 0)
    }

    @Test func aTimeoutAnswersEmptyOnlyTheWaitingPoll() {
        var log = CWAEventLog()
        _ = log.poll(ackId: 0)
        #expect(log.timeout(poll: 7) == nil)
        #expect(log.timeout(poll: 1) == .init(poll: 1, ackId: 0, events: []))
        #expect(log.timeout(poll: 1) == nil)
    }

    @Test func aNewerPollReleasesTheOlder() {
        var log = CWAEventLog()
        _ = log.poll(ackId: 0)
        #expect(log.poll(ackId: 0) == .wait(poll: 2, release: .init(poll: 1, ackId: 0, events: [])))
        _ = log.append(event(1))
        #expect(log.timeout(poll: 2) == nil)
    }

    @Test func anAckIdNeverSentIsRefused() {
        var log = CWAEventLog()
        #expect(log.poll(ackId: 5) == .reject("AckId 5 was never sent (last is 0)"))
        #expect(log.poll(ackId: -1) == .reject("AckId -1 was never sent (last is 0)"))
    }

    @Test func aClientThatStopsPollingOverflowsTheLog() {
        var log = CWAEventLog(capacity: 2)
        _ = log.append(event(1))
        _ = log.append(event(2))
        #expect(log.append(event(3)) == .overflowed)
    }
}
