import NatterModel
import Testing

@testable import NatterTUI

@Suite struct RosterCacheTests {
    func contacts(_ count: Int) -> [JID: Contact] {
        Dictionary(
            uniqueKeysWithValues: (0..<count).map { index in
                let jid = JID(local: "user\(index)", domain: "natter.test")
                return (jid, Contact(jid: jid, displayName: "Name \(index % 97) \(index)"))
            })
    }

    func expectedOrder(_ contacts: [JID: Contact]) -> [JID] {
        contacts.values.sorted { lhs, rhs in
            if lhs.presence.sortRank != rhs.presence.sortRank { return lhs.presence.sortRank < rhs.presence.sortRank }
            let left = lhs.displayName.lowercased()
            let right = rhs.displayName.lowercased()
            return left != right ? left < right : lhs.jid < rhs.jid
        }.map(\.jid)
    }

    @Test func presenceChangesArePatchedInWithoutAFullSort() {
        var roster = contacts(2000)
        var cache = RosterCache()
        cache.update(contacts: roster, revision: 1)
        var generator = SystemRandomNumberGenerator()
        for revision in 2..<40 {
            let jid = JID(local: "user\(Int.random(in: 0..<2000, using: &generator))", domain: "natter.test")
            roster[jid]?.presence = Presence.allCases.randomElement(using: &generator)!
            if revision % 7 == 0 { roster[jid]?.displayName = "Renamed \(revision)" }
            if revision % 11 == 0 { roster[jid] = nil }
            cache.update(contacts: roster, revision: UInt64(revision))
            #expect(cache.sorted.map(\.jid) == expectedOrder(roster))
        }
        #expect(cache.fullSorts == 1)
        #expect(cache.position.count == roster.count)
        #expect(cache.onlineCount == roster.values.filter { $0.presence.isOnline }.count)
    }

    @Test func aBigChangeFallsBackToOneSort() {
        var roster = contacts(100)
        var cache = RosterCache()
        cache.update(contacts: roster, revision: 1)
        for jid in roster.keys { roster[jid]?.presence = .available }
        cache.update(contacts: roster, revision: 2)
        #expect(cache.fullSorts == 2)
        #expect(cache.sorted.map(\.jid) == expectedOrder(roster))
    }

    /// The shared-name count is kept by the incremental patch too: a rename that makes two contacts show the same
    /// name marks both, and renaming one away unmarks both, without a full sort.
    @Test func aNameSharedByARenameIsMarkedAndUnmarked() {
        var roster = contacts(100)
        var cache = RosterCache()
        cache.update(contacts: roster, revision: 1)
        let first = JID(local: "user1", domain: "natter.test")
        let second = JID(local: "user2", domain: "natter.test")
        #expect(!cache.isNameShared(first) && !cache.isNameShared(second))

        let sharedName = roster[first]!.displayName.uppercased()
        roster[second]?.displayName = sharedName
        cache.update(contacts: roster, revision: 2)
        #expect(cache.isNameShared(first) && cache.isNameShared(second))
        #expect(!cache.isNameShared(JID(local: "user3", domain: "natter.test")))

        roster[second]?.displayName = "Someone else"
        cache.update(contacts: roster, revision: 3)
        #expect(!cache.isNameShared(first) && !cache.isNameShared(second))
        #expect(cache.fullSorts == 1)
    }
}
