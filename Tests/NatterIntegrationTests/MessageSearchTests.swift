import Foundation
import NatterClient
import NatterEngine
import NatterModel
import NatterTestSupport
import Testing

/// `/search` and `/lastlog` over the FTS5 index of a real SQLite cache.
@Suite struct MessageSearchTests {
    let bob = JID("bob@natter.test")!
    let carol = JID("carol@natter.test")!

    func store() throws -> SQLiteMessageStore {
        try SQLiteMessageStore(path: try TestProcess.temporaryDirectory("search") + "/cache.sqlite")
    }

    func message(_ id: String, _ text: String, with peer: JID, at offset: TimeInterval) -> Message {
        Message(
            id: id, serverKey: id, conversation: .direct(peer), sender: peer, text: text,
            timestamp: Date(timeIntervalSince1970: 1_800_000_000 + offset), isOutgoing: false)
    }

    @Test func findsEveryWordAsAPrefixInOneOrAllConversations() throws {
        let store = try store()
        try store.save(message("1", "Lunch at noon?", with: bob, at: 1))
        try store.save(message("2", "the LUNCHEON menu", with: carol, at: 2))
        try store.save(message("3", "noon is fine, lunch then", with: bob, at: 3))
        try store.save(message("4", "nothing to see", with: bob, at: 4))

        #expect(try store.search("lunch", in: nil, limit: 10).map(\.id) == ["1", "2", "3"])
        #expect(try store.search("lunch", in: .direct(bob), limit: 10).map(\.id) == ["1", "3"])
        #expect(try store.search("noon lunch", in: nil, limit: 10).map(\.id) == ["1", "3"])
        // The newest matches within the limit, still oldest first.
        #expect(try store.search("lunch", in: nil, limit: 2).map(\.id) == ["2", "3"])
        #expect(try store.search("   ", in: nil, limit: 10).isEmpty)
    }

    @Test func editsAndDeletesKeepTheIndexInStep() throws {
        let store = try store()
        var edited = message("1", "teh typo", with: bob, at: 1)
        try store.save(edited)
        #expect(try store.search("teh", in: nil, limit: 10).map(\.id) == ["1"])
        edited.text = "the fix"
        edited.isEdited = true
        try store.save(edited)
        #expect(try store.search("teh", in: nil, limit: 10).isEmpty)
        #expect(try store.search("fix", in: nil, limit: 10).map(\.text) == ["the fix"])
        try store.delete(messageID: "1")
        #expect(try store.search("fix", in: nil, limit: 10).isEmpty)
    }

    @Test func searchTextIsNeverReadAsQuerySyntax() throws {
        let store = try store()
        try store.save(message("1", #"she said "AND" NEAR(x) then OR"#, with: bob, at: 1))
        #expect(try store.search(#""AND""#, in: nil, limit: 10).map(\.id) == ["1"])
        #expect(try store.search("NEAR(x)", in: nil, limit: 10).map(\.id) == ["1"])
        #expect(try store.search("OR", in: nil, limit: 10).map(\.id) == ["1"])
        #expect(try store.search("*", in: nil, limit: 10).isEmpty)
    }

    @Test func theEngineSearchesTheCachesOfItsAccounts() throws {
        let store = try store()
        try store.save(message("1", "deploy at five", with: bob, at: 1))
        try store.save(message("2", "deploy done", with: carol, at: 2))
        let engine = EngineStore(state: ClientState(domain: "natter.test"), stores: [store])
        let matches = engine.search("deploy")
        #expect(matches.map(\.id) == ["1", "2"])
    }
}
