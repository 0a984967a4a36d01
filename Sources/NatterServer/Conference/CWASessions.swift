import Foundation
import Synchronization

/// Every live CWA sign-in, found by ticket (commands) or by sid (polls). Tickets and sids are random, so
/// knowing one session's says nothing of another's.
final class CWASessions: Sendable {
    private struct Index: Sendable {
        var byTicket: [String: CWASession] = [:]
        var bySid: [String: CWASession] = [:]
    }

    private let index = Mutex(Index())

    func add(_ session: CWASession) { index.withLock { $0.byTicket[session.ticket] = session } }

    func session(ticket: String) -> CWASession? { index.withLock { $0.byTicket[ticket] } }

    func session(sid: String) -> CWASession? { index.withLock { $0.bySid[sid] } }

    func rotated(_ session: CWASession, retired: String?) {
        index.withLock { index in
            index.byTicket[session.ticket] = session
            if let retired, index.byTicket[retired] === session { index.byTicket[retired] = nil }
        }
    }

    func started(_ session: CWASession, sid: String) { index.withLock { $0.bySid[sid] = session } }

    /// Forgets `session` under every ticket and sid; returns whether it was still known.
    @discardableResult
    func remove(_ session: CWASession) -> Bool {
        index.withLock { index in
            let before = index.byTicket.count + index.bySid.count
            index.byTicket = index.byTicket.filter { $0.value !== session }
            index.bySid = index.bySid.filter { $0.value !== session }
            return index.byTicket.count + index.bySid.count != before
        }
    }

    /// Removes and returns the sessions idle for too long.
    func removeExpired(now: Date) -> [CWASession] {
        index.withLock { index in
            var expired: [ObjectIdentifier: CWASession] = [:]
            for session in index.byTicket.values where session.isExpired(now: now) {
                expired[ObjectIdentifier(session)] = session
            }
            index.byTicket = index.byTicket.filter { expired[ObjectIdentifier($0.value)] == nil }
            index.bySid = index.bySid.filter { expired[ObjectIdentifier($0.value)] == nil }
            return Array(expired.values)
        }
    }

    var count: Int { index.withLock { Set($0.byTicket.values.map(ObjectIdentifier.init)).count } }

    /// 128 random bits as hex: tickets and sids.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }
}
