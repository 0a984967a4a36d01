/// A Zimbra thread id as natterd hands it out.
///
/// A 1:1 thread is the core's conversation between two users, so its id is derived from the pair alone
/// (`d:alice:bob`, names in order): the same on every session, after restarts, and for a chat Realtime
/// started. A multi-user chat's id names the door's own thread (`m:7`). XMPP local parts cannot contain `:`,
/// so the separator is unambiguous.
enum RosterThreadID: Sendable, Hashable, CustomStringConvertible {
    case direct(String, String)
    case group(Int64)

    /// The thread between two users, in a canonical order.
    static func direct(between first: String, and second: String) -> RosterThreadID {
        let a = first.lowercased()
        let b = second.lowercased()
        return a <= b ? .direct(a, b) : .direct(b, a)
    }

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("d", 3) where !parts[1].isEmpty && !parts[2].isEmpty:
            self = .direct(between: parts[1], and: parts[2])
        case ("m", 2):
            guard let id = Int64(parts[1]), id > 0 else { return nil }
            self = .group(id)
        default:
            return nil
        }
    }

    /// For a 1:1 thread that `user` takes part in, the other user.
    func peer(of user: String) -> String? {
        guard case .direct(let a, let b) = self else { return nil }
        let me = user.lowercased()
        if a == me { return b }
        if b == me { return a }
        return nil
    }

    var description: String {
        switch self {
        case .direct(let a, let b): "d:\(a):\(b)"
        case .group(let id): "m:\(id)"
        }
    }
}
