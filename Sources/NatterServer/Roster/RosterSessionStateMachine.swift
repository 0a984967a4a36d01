import Foundation
import NatterCodecs

/// One Zimbra session's notification queue and long poll, pure: every input is a method that returns what
/// the shell must do, and nothing here waits or touches a socket.
///
/// Notifications are queued as they happen and sealed into a numbered `<notify seq>` block when a response
/// goes out. Blocks stay until the client acknowledges their `seq`, so every response repeats what is not
/// acknowledged and a lost response loses nothing. At most one `NoOpRequest wait="1"` is parked at a time:
/// it is answered the moment a notification is queued, when its timeout passes, or when another request of
/// the same session arrives (as Zimbra does), so an idle client holds exactly one request.
struct RosterSessionStateMachine: Sendable {
    /// Names one parked long poll, so a late timeout cannot answer a newer one.
    struct WaitID: Hashable, Sendable {
        fileprivate let rawValue: Int
    }

    enum WaitAction: Sendable, Equatable {
        /// Something is waiting to be delivered (or the session is closing): answer at once.
        case answerNow
        /// Hold the request until `wake` names this id; `preempted` is an earlier poll to answer now.
        case park(WaitID, preempted: WaitID?)
    }

    enum EnqueueAction: Sendable, Equatable {
        case none
        /// Answer the parked poll.
        case wake(WaitID)
    }

    /// Sealed, not yet acknowledged, oldest first.
    private(set) var blocks: [ZimbraNotify] = []
    /// Queued since the last response.
    private(set) var pending: [IMNotification] = []
    private var nextSeq: Int64 = 1
    private var waiter: WaitID?
    private var nextWaitID = 0
    private(set) var closed = false
    /// When a request last named the session, for idle expiry.
    private(set) var lastUsed: Date

    /// The most notifications kept for a client that stopped acknowledging; beyond it the session is closed
    /// rather than growing without bound (the client then starts a new session and reloads its roster).
    static let capacity = 2000

    init(now: Date) { lastUsed = now }

    var parked: WaitID? { waiter }

    var queuedCount: Int { pending.count + blocks.reduce(0) { $0 + $1.notifications.count } }

    /// A request arrived naming this session with `acknowledged` as its highest processed block.
    /// Returns a parked poll to answer now: the session has one request in flight at a time.
    mutating func request(acknowledged: Int64?, now: Date) -> WaitID? {
        lastUsed = now
        if let acknowledged { blocks.removeAll { $0.seq <= acknowledged } }
        defer { waiter = nil }
        return waiter
    }

    /// A `NoOpRequest wait="1"`, after `request(acknowledged:now:)`.
    mutating func wait() -> WaitAction {
        if closed || !pending.isEmpty || !blocks.isEmpty { return .answerNow }
        let previous = waiter
        nextWaitID += 1
        let id = WaitID(rawValue: nextWaitID)
        waiter = id
        return .park(id, preempted: previous)
    }

    /// The parked poll `id` timed out; `true` when it is still the parked one and must be answered.
    mutating func timeout(_ id: WaitID) -> Bool {
        guard waiter == id else { return false }
        waiter = nil
        return true
    }

    mutating func enqueue(_ notifications: [IMNotification]) -> EnqueueAction {
        guard !notifications.isEmpty, !closed else { return .none }
        pending += notifications
        if queuedCount > Self.capacity { return close() }
        guard let waiter else { return .none }
        self.waiter = nil
        return .wake(waiter)
    }

    /// Seals what was queued into the next block and returns every unacknowledged block, for the response.
    mutating func respond() -> [ZimbraNotify] {
        if !pending.isEmpty {
            blocks.append(ZimbraNotify(seq: nextSeq, notifications: pending))
            nextSeq += 1
            pending = []
        }
        return blocks
    }

    /// The session ends (expired, or the client stopped acknowledging); a parked poll is answered.
    mutating func close() -> EnqueueAction {
        closed = true
        pending = []
        blocks = []
        guard let waiter else { return .none }
        self.waiter = nil
        return .wake(waiter)
    }
}
