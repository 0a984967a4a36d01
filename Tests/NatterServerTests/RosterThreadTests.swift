import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Roster door: multi-user threads", .serialized)
struct RosterThreadTests {
    @Test func inviteJoinTalkLeaveAndClose() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            let carol = try await ZimbraPeer.login("carol", port: server.port)
            let dave = try await ZimbraPeer.login("dave", port: server.port)

            // Inviting into the 1:1 thread starts a multi-user one with both in it.
            let invited = try await alice.send(
                .modifyChat(thread: "d:alice:bob", .addUser(addr: "carol@natter.test", invitation: "join us")))
            guard case .modifyChat(let thread, true) = invited, thread.hasPrefix("m:") else {
                Issue.record("no new thread: \(invited)")
                return
            }
            // bob did not ask for the thread: he learns of it, and who is in it, by `enteredchat`.
            for addr in ["alice@natter.test", "bob@natter.test"] {
                let founder = IMNotification.enteredChat(thread: thread, addr: addr)
                #expect(try await bob.waitFor { $0 == founder } == founder)
            }
            let invitation = try await carol.waitFor { if case .invited = $0 { true } else { false } }
            #expect(invitation == .invited(thread: thread, addr: "alice@natter.test", message: "join us"))

            #expect(try await dave.fault(.joinChat(thread: thread, addr: nil)).code == .permissionDenied)
            #expect(
                try await carol.send(.joinChat(thread: thread, addr: nil)) == .joinChat(thread: thread, found: true))
            let entered = IMNotification.enteredChat(thread: thread, addr: "carol@natter.test")
            for peer in [alice, bob, carol] {
                #expect(try await peer.waitFor { $0 == entered } == entered)
            }

            #expect(
                try await alice.send(.sendMessage(to: .thread(thread), IMMessageContent(body: .init("welcome, carol"))))
                    == .sendMessage(thread: thread, seq: 1))
            for peer in [bob, carol] {
                let message = try #require(try await peer.waitFor { $0.messageContent != nil }.messageContent)
                #expect(message.thread == thread && message.content.body?.text == "welcome, carol")
                #expect(message.from == "alice@natter.test")
            }
            #expect(try await dave.sync().compactMap(\.messageContent).isEmpty)
            #expect(
                try await dave.fault(.sendMessage(to: .thread(thread), .init(body: .init("hi")))).code
                    == .permissionDenied)

            let history = try await carol.send(.getChat(thread: thread, seq: nil))
            guard case .getChat(.found(let chat)) = history else {
                Issue.record("no history: \(history)")
                return
            }
            #expect(chat.messages.map(\.seq) == [1])
            #expect(
                Set(chat.participants.map(\.addr)) == ["alice@natter.test", "bob@natter.test", "carol@natter.test"])
            #expect(try await dave.send(.getChat(thread: thread, seq: nil)) == .getChat(.notFound(thread: thread)))

            // Closing is leaving: the others hear it, the thread is gone for the leaver.
            #expect(
                try await carol.send(.modifyChat(thread: thread, .close)) == .modifyChat(thread: thread, found: true))
            let left = IMNotification.leftChat(thread: thread, addr: "carol@natter.test")
            for peer in [alice, bob] {
                #expect(try await peer.waitFor { $0 == left } == left)
            }
            #expect(try await carol.send(.getChat(thread: thread, seq: nil)) == .getChat(.notFound(thread: thread)))
            guard case .getRoster(_, let chats) = try await alice.send(.getRoster) else {
                Issue.record("no roster answer")
                return
            }
            #expect(chats == [IMActiveChat(thread: thread, participants: ["bob@natter.test"])])
        }
    }

    @Test func historyPagesBackwardsFromTheEndWithoutGapsOrRepeats() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let invited = try await alice.send(
                .modifyChat(thread: "d:alice:bob", .addUser(addr: "carol@natter.test", invitation: "")))
            guard case .modifyChat(let thread, true) = invited else {
                Issue.record("no new thread: \(invited)")
                return
            }
            let total = RosterService.chatPageSize + 20
            for index in 1...total {
                try await alice.send(.sendMessage(to: .thread(thread), IMMessageContent(body: .init("n\(index)"))))
            }
            var seen: [Int64] = []
            var before = Int64.max
            while before > 1 {
                let page = try await alice.send(.getChat(thread: thread, seq: nil, before: before))
                guard case .getChat(.found(let chat)) = page, let first = chat.messages.first else {
                    Issue.record("no page before \(before): \(page)")
                    return
                }
                #expect(chat.messages.map(\.seq) == Array(first.seq..<(first.seq + Int64(chat.messages.count))))
                #expect(chat.messages.last?.seq == min(before - 1, Int64(total)))
                seen = chat.messages.map(\.seq) + seen
                before = first.seq
            }
            #expect(seen == Array(1...Int64(total)))
            // The demo's 1:1 chat has four messages; a 1:1 thread pages the same way.
            let direct = try await alice.send(.getChat(thread: "d:alice:bob", seq: nil, before: 4))
            #expect(direct.chatMessages.map(\.seq) == [1, 2, 3])
        }
    }

    @Test func unknownGroupThreadsAreNotFound() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            #expect(try await alice.send(.joinChat(thread: "m:42", addr: nil)) == .joinChat(thread: nil, found: false))
            #expect(
                try await alice.send(.modifyChat(thread: "m:42", .addUser(addr: "bob", invitation: "")))
                    == .modifyChat(thread: "m:42", found: false))
        }
    }
}
