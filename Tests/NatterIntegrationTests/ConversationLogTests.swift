import Foundation
import NatterClient
import NatterEngine
import NatterModel
import NatterTestSupport
import Testing

/// `logs = true`: one plain-text file per conversation, written as messages are cached.
@Suite struct ConversationLogTests {
    let bob = JID("bob@natter.test")!
    let alice = JID("alice@natter.test")!
    let noon = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func eachMessageIsLoggedOnceSanitisedWithContinuationLinesMarked() throws {
        let home = try TestProcess.temporaryDirectory("logs")
        let log = ConversationLog(directory: home + "/natter/logs/default")
        let store = try SQLiteMessageStore(path: home + "/cache.sqlite", log: log)
        let incoming = Message(
            id: "7", serverKey: "7", conversation: .direct(bob), sender: bob,
            text: "hi\u{1B}]0;pwned\u{07}\nsecond line", timestamp: noon, isOutgoing: false)
        try store.save(incoming)
        try store.save(incoming)  // The same message again (history fetched twice): not logged twice.
        var mine = Message(
            id: "m-1", conversation: .direct(bob), sender: alice, text: "pending first",
            timestamp: noon.addingTimeInterval(60),
            isOutgoing: true, delivery: .pending)
        try store.save(mine)
        mine.delivery = .sent
        mine.serverKey = "8"
        try store.save(mine)
        var failed = mine
        failed.id = "m-2"
        failed.delivery = .failed("nope")
        try store.save(failed)

        let path = log.path(of: .direct(bob))
        #expect(path.hasSuffix("/natter/logs/default/direct-bob@natter.test.log"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 4, "log:\n\(text)")
        #expect(lines[0].contains(" <bob@natter.test> hi"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "escapes reached the log")
        #expect(lines[1] == "\tsecond line")
        #expect(lines[2].hasSuffix(" <alice@natter.test> pending first"))
        #expect(lines[3].isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func theSwitchIsInConfigToml() throws {
        #expect(try ClientConfiguration.parse("logs = true").logs)
        #expect(try !ClientConfiguration.parse("").logs)
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse(#"logs = "yes""#) }
        #expect(
            ConversationLog.defaultDirectory(account: .default, environment: ["XDG_STATE_HOME": "/s"])
                == "/s/natter/logs/default")
    }
}
