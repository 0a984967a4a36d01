import Foundation
import NatterEngine
import NatterModel
import Testing

/// Two clients of one user against a real natterd: what is read on one is read on the other, now and after a
/// reconnect.
@Suite(.serialized) struct ReadMarkerIntegrationTests {
    let alice = JID("alice@natter.test")!
    let bob = JID("bob@natter.test")!

    @Test func readingOnOneClientClearsUnreadOnTheOther() throws {
        let server = try NatterdProcess()
        let laptop = EngineClient(user: "alice", serverURL: server.url, resource: "laptop")
        let phone = EngineClient(user: "alice", serverURL: server.url, resource: "phone")
        let sender = EngineClient(user: "bob", serverURL: server.url)
        #expect(laptop.waitSynchronized() && phone.waitSynchronized() && sender.waitSynchronized())
        let chat = ConversationID.direct(bob)

        for text in ["one", "two", "three"] { sender.engine.dispatch(.send(text: text, to: .direct(alice))) }
        for client in [laptop, phone] {
            // The window opened by the first one also loads the older (demo) history; count only these.
            let sent: Set<String> = ["one", "two", "three"]
            #expect(client.wait { $0.conversations[chat]?.messages.filter { sent.contains($0.text) }.count == 3 })
            #expect(client.state.conversations[chat]?.unread == 3)
        }
        let newest = laptop.state.conversations[chat]?.messages.last?.serverKey

        laptop.engine.dispatch(.windows(.activate(.conversation(chat))))
        #expect(phone.wait { $0.readMarkers[chat] == newest }, "the phone never heard the laptop read")
        #expect(phone.state.conversations[chat]?.unread == 0)

        // A client that connects later learns the marker on resume, and shows its line there.
        sender.engine.dispatch(.send(text: "four", to: .direct(alice)))
        #expect(laptop.wait { $0.conversations[chat]?.messages.contains { $0.text == "four" } ?? false })
        // The laptop's window is open, so "four" is read as it arrives.
        let four = laptop.state.conversations[chat]?.messages.first { $0.text == "four" }?.serverKey
        #expect(laptop.wait { $0.readMarkers[chat] == four })
        #expect(phone.wait { $0.readMarkers[chat] == four })
        let desktop = EngineClient(user: "alice", serverURL: server.url, resource: "desktop")
        #expect(desktop.waitSynchronized())
        #expect(desktop.wait { $0.readMarkers[chat] == four }, "the marker was not sent on resume")
    }
}

/// Editing and deleting one's own message through a real natterd: the peer sees `(edited)` text and a deleted marker.
@Suite(.serialized) struct CorrectionIntegrationTests {
    let alice = JID("alice@natter.test")!
    let bob = JID("bob@natter.test")!

    @Test func editAndDeleteReachThePeer() throws {
        let server = try NatterdProcess()
        let a = EngineClient(user: "alice", serverURL: server.url)
        let b = EngineClient(user: "bob", serverURL: server.url)
        #expect(a.waitSynchronized() && b.waitSynchronized())
        a.engine.dispatch(.send(text: "teh typo", to: .direct(bob)))
        #expect(b.wait { $0.conversations[.direct(alice)]?.messages.contains { $0.text == "teh typo" } ?? false })
        #expect(a.wait { $0.conversations[.direct(bob)]?.messages.last?.serverKey != nil })

        a.engine.dispatch(.chat(.editLast(.direct(bob), text: "the typo")))
        #expect(
            b.wait {
                $0.conversations[.direct(alice)]?.messages.contains { $0.text == "the typo" && $0.isEdited } ?? false
            }, "bob never saw the edit")
        a.engine.dispatch(.chat(.deleteLast(.direct(bob))))
        #expect(
            b.wait { $0.conversations[.direct(alice)]?.messages.last?.isDeleted ?? false }, "bob never saw the delete")
        #expect(a.state.conversations[.direct(bob)]?.messages.last?.isDeleted == true)
    }
}
