import Foundation
import NatterCodecs
import NatterModel
import Testing

@testable import NatterServer

@Suite("Roster door: threads, typing, history, Realtime interplay", .serialized)
struct RosterChatTests {
    @Test func aMessageToAnAddressOpensThePairsThreadAndReachesZimbraAndRealtime() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            let bobRealtime = try await server.connect("bob")
            let sent = try await alice.send(
                .sendMessage(to: .address("bob@natter.test"), IMMessageContent(body: .init("hi <b>bob</b> 👋"))))
            #expect(sent == .sendMessage(thread: "d:alice:bob"))

            let received = try await bob.waitFor { $0.messageContent != nil }
            let message = try #require(received.messageContent)
            #expect(message.from == "alice@natter.test")
            #expect(message.thread == "d:alice:bob")
            #expect(message.content.body?.text == "hi <b>bob</b> 👋")

            let chat = try #require(try await bobRealtime.next().chat)
            #expect(chat.from == "alice@natter.test" && chat.text == "hi <b>bob</b> 👋")

            // And back: Realtime to the Zimbra thread of the same pair.
            await bobRealtime.send(.chat(RealtimeChat(id: "r1", to: "alice", text: "hello from realtime")))
            _ = try await bobRealtime.nextAck()
            let back = try #require(try await alice.waitFor { $0.messageContent != nil }.messageContent)
            #expect(back.thread == "d:alice:bob" && back.content.body?.text == "hello from realtime")
            // The Zimbra sender's own session gets no copy of what it sent.
            #expect(try await alice.sync().compactMap(\.messageContent).isEmpty)
        }
    }

    @Test func historyIsTheCoreConversationPagedBySeqWithoutGapsOrRepeats() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bobRealtime = try await server.connect("bob")
            for index in 1...RosterService.chatPageSize + 5 {
                await bobRealtime.send(.chat(RealtimeChat(id: "m\(index)", to: "alice", text: "n\(index)")))
                _ = try await bobRealtime.nextAck()
            }
            var seen: [Int64] = []
            var texts: [String] = []
            var next: Int64? = nil
            while true {
                let response = try await alice.send(.getChat(thread: "d:bob:alice", seq: next))
                guard case .getChat(.found(let chat)) = response else {
                    Issue.record("thread not found: \(response)")
                    return
                }
                #expect(chat.participants.map(\.addr) == ["alice@natter.test", "bob@natter.test"])
                guard let last = chat.messages.last else { break }
                seen += chat.messages.map(\.seq)
                texts += chat.messages.compactMap(\.content.body?.text)
                next = last.seq + 1
            }
            // The demo seed's four messages come first.
            #expect(seen == Array(1...Int64(RosterService.chatPageSize + 9)))
            #expect(texts.suffix(2) == ["n\(RosterService.chatPageSize + 4)", "n\(RosterService.chatPageSize + 5)"])
            let bobWrote = try #require(
                try await alice.send(.getChat(thread: "d:alice:bob", seq: 5)).chatMessages.first)
            #expect(bobWrote.from == "2")
        }
    }

    @Test func unknownThreadsAreNotFound() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            for thread in ["nope", "d:bob:carol", "m:99"] {
                #expect(try await alice.send(.getChat(thread: thread, seq: nil)) == .getChat(.notFound(thread: thread)))
                #expect(
                    try await alice.send(.joinChat(thread: thread, addr: nil)) == .joinChat(thread: nil, found: false))
                #expect(
                    try await alice.send(.modifyChat(thread: thread, .close))
                        == .modifyChat(thread: thread, found: false))
            }
            #expect(
                try await alice.send(.modifyChat(thread: "d:alice:bob", .close))
                    == .modifyChat(thread: "d:alice:bob", found: true))
        }
    }

    @Test func typingAndTheBlankMessageTravelBothWays() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bobRealtime = try await server.connect("bob")
            try await alice.send(.sendMessage(to: .thread("d:alice:bob"), IMMessageContent(typing: true)))
            #expect(try #require(try await bobRealtime.next().userTyping).state == .composing)
            try await alice.send(.sendMessage(to: .thread("d:alice:bob"), IMMessageContent()))
            #expect(try #require(try await bobRealtime.next().userTyping).state == .done)

            await bobRealtime.send(.userTyping(RealtimeTyping(to: "alice@natter.test", state: .composing)))
            let typing = try #require(try await alice.waitFor { $0.messageContent != nil }.messageContent)
            #expect(typing.content.typing && typing.thread == "d:alice:bob")
            await bobRealtime.send(.userTyping(RealtimeTyping(to: "alice@natter.test", state: .done)))
            let blank = try #require(try await alice.waitFor { $0.messageContent != nil }.messageContent)
            #expect(blank.content.isBlank)
        }
    }

    @Test func aLostResponseIsReplayedUntilAcknowledged() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            try await bob.send(.sendMessage(to: .address("alice"), IMMessageContent(body: .init("once"))))
            try await alice.send(.noOp(wait: true, timeout: 5000), acknowledge: false)
            #expect(await alice.take().compactMap(\.messageContent).count == 1)
            // Unacknowledged: the next response carries the same block again.
            let again = try await alice.sync()
            #expect(again.compactMap(\.messageContent).map(\.content.body?.text) == ["once"])
            #expect(try await alice.sync().isEmpty)
        }
    }

    @Test func aWaitingNoOpIsAnsweredWhenANotificationIsQueued() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let alice = try await ZimbraPeer.login("alice", port: server.port)
            let bob = try await ZimbraPeer.login("bob", port: server.port)
            // A minute-long poll: it can only come back early because bob's message wakes it.
            async let woken = alice.send(.noOp(wait: true, timeout: 60_000))
            try await server.waitUntil("alice's poll is parked") {
                await RosterChatTests.parked(server, user: "alice")
            }
            try await bob.send(.sendMessage(to: .address("alice"), IMMessageContent(body: .init("wake up"))))
            #expect(try await woken == .noOp(waitDisallowed: false))
            #expect(await alice.take().compactMap(\.messageContent).map(\.content.body?.text) == ["wake up"])
        }
    }

    static func parked(_ server: TestServer, user: String) async -> Bool {
        guard let door = server.server.doors.compactMap({ $0 as? RosterDoor }).first else { return false }
        return door.controller.service.sessions.sessions(of: user).contains { $0.isParked }
    }
}

extension RosterResponse {
    var chatMessages: [IMChat.Message] {
        if case .getChat(.found(let chat)) = self { return chat.messages }
        return []
    }
}

extension RealtimeMessage {
    var userTyping: RealtimeTyping? { if case .userTyping(let typing) = self { typing } else { nil } }
}
