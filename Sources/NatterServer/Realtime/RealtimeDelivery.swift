import NatterCodecs

/// Identifies one Realtime connection (or simulated session) for the lifetime of the server.
struct RealtimeConnectionID: Hashable, Sendable, Comparable {
    let rawValue: Int

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One frame for one connection, as decided by the routing table.
struct RealtimeDelivery: Sendable, Equatable {
    let target: RealtimeConnectionID
    let message: RealtimeMessage
}

/// Where a connection's frames go: a WebSocket's outbound queue, or a demo peer's inbox.
enum RealtimeSink: Sendable {
    case webSocket(RealtimeOutbox)
    case simulated(@Sendable (RealtimeMessage) -> Void)

    func send(_ message: RealtimeMessage) {
        switch self {
        case .webSocket(let outbox): outbox.send(message)
        case .simulated(let receive): receive(message)
        }
    }
}
