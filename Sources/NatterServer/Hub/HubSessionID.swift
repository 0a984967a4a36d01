/// Identifies one session on the hub (a protocol connection or a simulated user) for the server's lifetime.
struct HubSessionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    let rawValue: Int

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    var description: String { "#\(rawValue)" }
}
