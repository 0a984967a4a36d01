import Foundation
import NatterClient
import NatterEngine
import NatterModel
import NatterTestSupport
import Testing

/// A sender's style (CWA's X-MMS-IM-Format) survives the client cache on a real SQLite file.
@Suite struct MessageStyleCacheTests {
    @Test func aStyledMessageComesBackWithItsStyleAndAPlainOneWithout() throws {
        let path = try TestProcess.temporaryDirectory("style-cache") + "/cache.sqlite"
        let carol = JID("carol@natter.test")!
        let style = MessageStyle(
            effects: [.bold, .strikethrough], color: MessageStyle.Color(red: 139, green: 0, blue: 176),
            font: "Segoe UI")
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            let store = try SQLiteMessageStore(path: path)
            try store.save(
                Message(
                    id: "cwa-s-1", conversation: .conference("7"), sender: carol, text: "styled", timestamp: at,
                    isOutgoing: false, style: style))
            try store.save(
                Message(
                    id: "cwa-s-2", conversation: .conference("7"), sender: carol, text: "plain",
                    timestamp: at.addingTimeInterval(1), isOutgoing: false))
        }
        let reopened = try SQLiteMessageStore(path: path)
        let messages = try reopened.recentMessages(in: .conference("7"), limit: 10)
        #expect(messages.map(\.text) == ["styled", "plain"])
        #expect(messages.map(\.style) == [style, nil])
    }
}
