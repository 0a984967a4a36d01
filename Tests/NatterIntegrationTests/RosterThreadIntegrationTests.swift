import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// Multi-user threads through the engine and the Zimbra IM adapter against a real natterd: invite from a
/// 1:1 window, the invitation, join, messages, leaving, and a long thread's history paged by `seq`.
@Suite(.serialized, .offThePool) struct RosterThreadIntegrationTests {
    let alice = JID("alice@natter.test")!
    let bob = JID("bob@natter.test")!
    let carol = JID("carol@natter.test")!

    func deliveries(_ conversation: Conversation?) -> [String] {
        conversation?.messages.map { "\($0.text) \($0.delivery)" } ?? []
    }

    func thread(in state: ClientState) -> ConversationID? {
        state.windows.compactMap(\.conversationID).first { $0.kind == .thread }
    }

    @Test func inviteJoinTalkAndLeave() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let clients = ["alice", "bob", "carol"].map { RosterIntegrationTests.zimbraClient($0, server: server) }
        defer { for (engine, _) in clients { engine.detachAll() } }
        let (aliceEngine, aliceWaiter) = clients[0]
        let (_, bobWaiter) = clients[1]
        let (carolEngine, carolWaiter) = clients[2]
        for (_, waiter) in clients {
            #expect(waiter.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        }

        aliceEngine.dispatch(.openConversation(.direct(bob)))
        aliceEngine.dispatch(.threads(.invite(carol, text: "planning", from: .direct(bob), account: .default)))
        #expect(aliceWaiter.wait(timeout: 10) { thread(in: $0) != nil }, "alice's thread never opened")
        let id = try #require(thread(in: aliceEngine.state))
        // Our own `enteredchat` can come before the answer that starts the thread: the window is there first,
        // and comes to the front when the start is known.
        #expect(aliceWaiter.wait(timeout: 10) { $0.activeWindow == .conversation(id) })
        #expect(bobWaiter.wait(timeout: 10) { $0.windows.contains(.conversation(id)) }, "bob was never put in")
        #expect(
            carolWaiter.wait(timeout: 10) { $0.threadInvitations[id]?.text == "planning" },
            "carol never got the invitation")
        #expect(carolEngine.state.statusNotice?.text.contains("/join \(id.address)") == true)

        carolEngine.dispatch(.threads(.join(id)))
        #expect(carolWaiter.wait(timeout: 10) { $0.activeWindow == .conversation(id) })
        for waiter in [aliceWaiter, bobWaiter] {
            #expect(
                waiter.wait(timeout: 10) { state in
                    state.conversations[id]?.messages.contains {
                        $0.sender == carol && $0.text == "/me entered the thread"
                    }
                        ?? false
                }, "carol's arrival was not shown")
        }

        carolEngine.dispatch(.send(text: "hello both", to: id))
        for waiter in [aliceWaiter, bobWaiter] {
            #expect(
                waiter.wait(timeout: 10) { state in
                    state.conversations[id]?.messages.contains { $0.sender == carol && $0.text == "hello both" }
                        ?? false
                }, "carol's message did not arrive")
        }
        #expect(
            carolWaiter.wait(timeout: 10) { $0.conversations[id]?.messages.last?.delivery == .sent },
            "carol's message was never acknowledged")

        carolEngine.dispatch(.closeWindow(.conversation(id)))
        #expect(
            aliceWaiter.wait(timeout: 10) { state in
                state.conversations[id]?.messages.contains { $0.sender == carol && $0.text == "/me left the thread" }
                    ?? false
            }, "carol's leaving was not shown")
        #expect(aliceWaiter.wait(timeout: 5) { !($0.conversations[id]?.occupants.contains(carol) ?? true) })
    }

    @Test func aLongThreadLoadsItsNewestPageThenOlderOnesWithoutGapsOrRepeats() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let (aliceEngine, aliceWaiter) = RosterIntegrationTests.zimbraClient("alice", server: server)
        defer { aliceEngine.detachAll() }
        #expect(aliceWaiter.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        aliceEngine.dispatch(.threads(.invite(carol, text: "", from: .direct(bob), account: .default)))
        #expect(aliceWaiter.wait(timeout: 10) { thread(in: $0) != nil })
        let id = try #require(thread(in: aliceEngine.state))
        // Just over natterd's page of 100, so opening shows one page and scrolling up fetches the rest.
        let total = 110
        for index in 1...total { aliceEngine.dispatch(.send(text: "n\(index)", to: id)) }
        #expect(
            aliceWaiter.wait(timeout: 120) { state in
                state.conversations[id]?.messages.filter { $0.isOutgoing && $0.delivery == .sent }.count == total
            },
            "not every message was acknowledged: \(deliveries(aliceEngine.state.conversations[id]))")

        // bob was put in the thread by the invitation; his window loads the newest page, then older ones.
        let (bobEngine, bobWaiter) = RosterIntegrationTests.zimbraClient("bob", server: server)
        defer { bobEngine.detachAll() }
        #expect(bobWaiter.wait(timeout: 15) { $0.accounts[.default]?.isSynchronized == true })
        bobEngine.dispatch(.openConversation(id))
        #expect(bobWaiter.wait(timeout: 10) { ($0.conversations[id]?.messages.count ?? 0) >= 50 })
        var pages = 1
        while bobEngine.state.conversations[id]?.hasMoreHistory == true, pages < 10 {
            let before = bobEngine.state.conversations[id]?.messages.count ?? 0
            bobEngine.dispatch(.loadOlderHistory(id))
            #expect(
                bobWaiter.wait(timeout: 10) { state in
                    guard let conversation = state.conversations[id] else { return false }
                    return !conversation.isLoadingHistory
                        && (conversation.messages.count > before || !conversation.hasMoreHistory)
                }, "page \(pages + 1) never came")
            pages += 1
        }
        // Without the lines saying who entered: only the thread's messages, each once, in order.
        let texts = bobEngine.state.conversations[id]?.messages.map(\.text).filter { !$0.hasPrefix("/me ") } ?? []
        #expect(texts == (1...total).map { "n\($0)" })
        #expect(pages > 1)
    }
}
