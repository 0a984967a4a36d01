import Foundation
import NatterClient
import NatterEngine
import NatterModel
import NatterTestSupport
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

    @Test func resumeCursorsArePerProtocolAndOpaque() throws {
        let (store, path) = try store()
        try store.save(cursor: ResumeCursor("00042"), for: .realtime)
        try store.save(cursor: ResumeCursor("seq-7"), for: .roster)
        try store.save(cursor: ResumeCursor("00043"), for: .realtime)
        let reopened = try SQLiteMessageStore(path: path)
        #expect(try reopened.resumeCursors() == [.realtime: ResumeCursor("00043"), .roster: ResumeCursor("seq-7")])
    }

    @Test func conversationsComeBackOnTheStoresAccount() throws {
        let path = try TestProcess.temporaryDirectory("cache") + "/work.sqlite"
        let work = AccountID("work")
        let store = try SQLiteMessageStore(path: path, account: work)
        var saved = message("m1", key: "k1", at: 1)
        saved.conversation = .direct(bob, account: work)
        try store.save(saved)
        #expect(try store.knownConversations() == [.direct(bob, account: work)])
        #expect(
            try store.recentMessages(in: .direct(bob, account: work), limit: 5).map(\.conversation) == [
                saved.conversation
            ])
    }

    /// A cache written by natter before accounts existed (the v1 schema, as GRDB's migrator left it) opens with its
    /// history, its outbox, and a Realtime cursor at its newest key, compared as a number.
    @Test func aCacheFromBeforeAccountsKeepsHistoryOutboxAndCursor() throws {
        let path = try TestProcess.temporaryDirectory("cache") + "/old.sqlite"
        try sqlite(
            path,
            """
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('v1-messages');
            CREATE TABLE message (
                id TEXT PRIMARY KEY NOT NULL, serverKey TEXT, conversation TEXT NOT NULL, sender TEXT NOT NULL,
                senderName TEXT, text TEXT NOT NULL, timestamp DOUBLE NOT NULL, outgoing BOOLEAN NOT NULL,
                delivery TEXT NOT NULL, failure TEXT, edited BOOLEAN NOT NULL DEFAULT 0);
            CREATE INDEX message_by_conversation ON message(conversation, timestamp);
            CREATE INDEX message_by_key ON message(serverKey);
            CREATE INDEX message_outbox ON message(delivery) WHERE outgoing = 1;
            INSERT INTO message VALUES ('99', '99', 'direct:bob@natter.test', 'bob@natter.test', 'Bob', 'old one',
                1800000001, 0, 'sent', NULL, 0);
            INSERT INTO message VALUES ('100', '100', 'room:lounge@natter.test', 'carol@natter.test', NULL, 'in the room',
                1800000002, 0, 'sent', NULL, 0);
            INSERT INTO message VALUES ('m-1', NULL, 'direct:bob@natter.test', 'alice@natter.test', NULL, 'queued',
                1800000003, 1, 'pending', NULL, 0);
            """)
        let store = try SQLiteMessageStore(path: path)
        #expect(try Set(store.knownConversations()) == [.direct(bob), .room(JID("lounge@natter.test")!)])
        #expect(try store.recentMessages(in: .direct(bob), limit: 10).map(\.text) == ["old one", "queued"])
        #expect(try store.pendingOutbox().map(\.id) == ["m-1"])
        #expect(try store.resumeCursors() == [.realtime: ResumeCursor("100")])
        // The search index is filled from what the old cache held.
        #expect(try store.search("roo", in: nil, limit: 10).map(\.id) == ["100"])

        // And the engine restores it as the default account, outbox window open, ready to resend and catch up.
        let state = EngineStore.restoredState(domain: "natter.test", from: store)
        #expect(state.windows.contains(.conversation(.direct(bob))))
        #expect(state.accounts[.default]?.cursors[.realtime] == ResumeCursor("100"))
        #expect(state.conversations[.direct(bob)]?.messages.last?.delivery == .pending)
    }

    private func sqlite(_ path: String, _ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        // The script as an argument, not on stdin: a child spawned meanwhile by another test could inherit the
        // pipe's write end, and sqlite3 would wait for an end of file that never comes.
        process.arguments = [path, script]
        try process.run()
        process.waitUntilGone()
        #expect(process.terminationStatus == 0, "sqlite3 could not write the old cache")
    }
}
