import NatterCodecs

/// The events waiting for one CWA session's long poll. Pure: the shell feeds it polls, events and timeouts
/// and performs what it answers.
///
/// Every event gets a sequence number. A poll with `AckId` n drops the events up to n and is answered with
/// all the rest, numbered by the last one; so a poll lost in flight is simply answered again by the next one
/// with the same `AckId`, and nothing is lost or doubled. With nothing to send the poll waits, and one
/// waiting poll at a time: a newer one releases the older.
struct CWAEventLog: Sendable {
    struct Answer: Sendable, Equatable {
        let poll: Int
        let ackId: Int
        let events: [CWAConferenceEvent]
    }

    /// `release` answers an older poll that was still waiting: one poll waits at a time.
    enum PollAction: Sendable, Equatable {
        case answer(Answer, release: Answer?)
        /// Park poll `poll` until an event or its timeout.
        case wait(poll: Int, release: Answer?)
        case reject(String)
    }

    enum AppendAction: Sendable, Equatable {
        case none
        case answer(Answer)
        /// More unacknowledged events than the log holds: the client stopped polling; end the session.
        case overflowed
    }

    let capacity: Int
    private var events: [(seq: Int, event: CWAConferenceEvent)] = []
    private var lastSeq = 0
    private var waiting: (poll: Int, ackId: Int)?
    private var nextPoll = 0

    init(capacity: Int = 10_000) { self.capacity = capacity }

    var unacknowledged: Int { events.count }

    mutating func poll(ackId: Int) -> PollAction {
        guard ackId >= 0, ackId <= lastSeq else { return .reject("AckId \(ackId) was never sent (last is \(lastSeq))") }
        events.removeAll { $0.seq <= ackId }
        nextPoll += 1
        let poll = nextPoll
        let released = waiting.map { Answer(poll: $0.poll, ackId: $0.ackId, events: []) }
        waiting = nil
        guard events.isEmpty else { return .answer(answer(poll), release: released) }
        waiting = (poll, ackId)
        return .wait(poll: poll, release: released)
    }

    mutating func append(_ event: CWAConferenceEvent) -> AppendAction {
        guard events.count < capacity else { return .overflowed }
        lastSeq += 1
        events.append((lastSeq, event))
        guard let waiter = waiting else { return .none }
        waiting = nil
        return .answer(answer(waiter.poll))
    }

    /// The waiting poll's time is up: answer it empty, unless something already answered it.
    mutating func timeout(poll: Int) -> Answer? {
        guard let waiter = waiting, waiter.poll == poll else { return nil }
        waiting = nil
        return Answer(poll: poll, ackId: waiter.ackId, events: [])
    }

    private func answer(_ poll: Int) -> Answer {
        Answer(poll: poll, ackId: lastSeq, events: events.map(\.event))
    }
}
