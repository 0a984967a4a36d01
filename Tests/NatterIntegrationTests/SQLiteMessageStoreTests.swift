import Foundation
import NatterClient
import NatterModel
import Testing

/// The client cache and outbox on a real SQLite file.
@Suite struct SQLiteMessageStoreTests {
    let bob = JID("bob@natter.test")!
    let alice = JID("alice@natter.test")!

    func store() throws -> (SQLiteMessageStore, String) {
        let path = try TestProcess.temporaryDirectory("cache") + "/nested/cache.sqlite"
        return (try SQLiteMessageStore(path: path), path)
    }

    func message(
        _ id: String, key: String? = nil, at offset: TimeInterval, delivery: DeliveryState = .sent
    )
        -> Message
    {
        Message(
            id: id, serverKey: key, conversation: .direct(bob), sender: alice, text: "text \(id)",
            timestamp: Date(timeIntervalSince1970: 1_800_000_000 + offset), isOutgoing: true, delivery: delivery)
    }

    @Test func savesAndReadsBackRecentMessagesInOrder() throws {
        let (store, _) = try store()
        for index in 0..<5 { try store.save(message("m\(index)", key: "k\(index)", at: Double(index))) }
        let recent = try store.recentMessages(in: .direct(bob), limit: 3)
        #expect(recent.map(\.id) == ["m2", "m3", "m4"])
        #expect(try store.knownConversations() == [.direct(bob)])
    }

    @Test func pendingMessagesAreTheOutboxUntilAcked() throws {
        let (store, _) = try store()
        try store.save(message("m1", at: 1, delivery: .pending))
        try store.save(message("m2", at: 2, delivery: .failed("too long")))
        #expect(try store.pendingOutbox().map(\.id) == ["m1"])
        try store.save(message("m1", key: "k1", at: 1, delivery: .sent))
        #expect(try store.pendingOutbox().isEmpty)
        #expect(
            try store.recentMessages(in: .direct(bob), limit: 10).first { $0.id == "m2" }?.delivery
                == .failed("too long"))
    }

    @Test func oneRowPerServerKey() throws {
        let (store, _) = try store()
        try store.save(message("k1", key: "k1", at: 1))
        try store.save(message("m1", key: "k1", at: 1))
        #expect(try store.recentMessages(in: .direct(bob), limit: 10).map(\.id) == ["m1"])
    }

    @Test func theDatabaseIsPrivateToItsOwner() throws {
        let (store, path) = try store()
        try store.save(message("m1", at: 1))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(mode & 0o077 == 0, "cache mode is \(String(mode, radix: 8))")
    }
}
