import Foundation
import Synchronization

/// Who blocked whom (IMModifyWhitelist), kept in memory so a session's subscriber can drop a blocked
/// party's events without waiting on storage; the door's table is the record, loaded once.
///
/// An entry is a bare address (`eve@natter.test`) or a domain (`spam.test`). Blocking works both ways:
/// neither side hears the other's presence, messages, typing or subscription requests through this door.
final class RosterBlocklist: Sendable {
    private struct State: Sendable {
        var loaded = false
        var entries: [String: Set<String>] = [:]
    }

    private let state = Mutex(State())

    var isLoaded: Bool { state.withLock { $0.loaded } }

    func load(_ rows: [(owner: String, addr: String)]) {
        state.withLock { state in
            guard !state.loaded else { return }
            state.loaded = true
            for row in rows { state.entries[row.owner.lowercased(), default: []].insert(row.addr) }
        }
    }

    func blocked(by owner: String) -> [String] {
        state.withLock { $0.entries[owner.lowercased()].map { $0.sorted() } ?? [] }
    }

    func set(_ addr: String, blocked: Bool, by owner: String) {
        state.withLock { state in
            if blocked {
                state.entries[owner.lowercased(), default: []].insert(addr)
            } else {
                state.entries[owner.lowercased()]?.remove(addr)
            }
        }
    }

    /// Whether either of two users (local names) blocked the other, by address or by domain.
    func separates(_ first: String, _ second: String, domain: String) -> Bool {
        state.withLock { state in
            RosterBlocklist.blocks(state.entries[first.lowercased()], second, domain: domain)
                || RosterBlocklist.blocks(state.entries[second.lowercased()], first, domain: domain)
        }
    }

    private static func blocks(_ entries: Set<String>?, _ user: String, domain: String) -> Bool {
        guard let entries else { return false }
        return entries.contains("\(user.lowercased())@\(domain.lowercased())") || entries.contains(domain.lowercased())
    }
}
