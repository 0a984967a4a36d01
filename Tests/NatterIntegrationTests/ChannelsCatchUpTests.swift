import Foundation
import NatterCodecs
import NatterEngine
import NatterModel
import NatterProtocols
import NatterTestSupport
import Testing

/// What a Channels client missed: after natterd goes away and comes back, the client fetches each channel's
/// messages from the newest it had, and scrolling up pages through the archive, with no gaps or duplicates.
@Suite(.serialized) struct ChannelsCatchUpTests {
    /// Polled without blocking: a blocked cooperative thread can starve other tests' in-process servers.
    private func eventually(timeout: Int = 30, _ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<(timeout * 20) {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    private func client(_ user: String, server: NatterdProcess, backoff: ReconnectBackoff) -> EngineStore {
        let engine = EngineStore(state: ClientState(domain: "natter.test"))
        engine.attach(
            ChannelsAdapter(
                configuration: ChannelsAdapterConfiguration(
                    serverURL: server.url, user: user, password: user, backoff: backoff)))
        return engine
    }

    private func post(_ range: Range<Int>, as bob: ChannelPeer, in channelID: String) async throws {
        for index in range {
            try bob.send(
                .message(
                    ChannelMessage(id: "s\(index)", channelID: channelID, messageID: "b-\(index)", text: "n\(index)")))
        }
        #expect(try await bob.ack("s\(range.upperBound - 1)").status)
    }

    @Test func aReconnectFetchesTheMissedMessagesAndScrollingUpPagesThroughTheRest() async throws {
        var server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let port = server.port
        let directory = server.directory
        // A long backoff (15–30 s with its jitter) leaves time to write while alice is away, even on a loaded
        // machine; she is told, not polled.
        let alice = client("alice", server: server, backoff: ReconnectBackoff(base: 30, cap: 30))
        defer { alice.detachAll() }
        #expect(try await eventually { alice.state.accounts[.default]?.isSynchronized == true })
        alice.dispatch(.channels(.create(account: .default, name: "Ops", inviteToken: nil)))
        #expect(try await eventually { alice.state.channels.values.contains { $0.name == "Ops" } })
        let id = try #require(alice.state.channels.first { $0.value.name == "Ops" }?.key)
        let bob = try await ChannelPeer.connect(port: port, user: "bob")
        alice.dispatch(.channels(.invite(id, member: JID("bob@natter.test")!, admin: false)))
        _ = try await bob.next("invitation") { $0.asInvitation?.channelID == id.address }
        try await post(0..<3, as: bob, in: id.address)
        #expect(try await eventually { alice.state.conversations[id]?.messages.count == 3 })
        bob.close()

        server.kill()
        server = try NatterdProcess(port: port, directory: directory, arguments: ["--no-demo-peer"])
        let again = try await ChannelPeer.connect(port: port, user: "bob")
        defer { again.close() }
        try await post(3..<153, as: again, in: id.address)
        #expect(
            alice.state.conversations[id]?.messages.count == 3,
            "alice reconnected before bob wrote: the test would not exercise the catch-up")

        // 150 missed: a full page of 100, then the rest.
        let expected = (0..<153).map { "b-\($0)" }
        #expect(
            try await eventually(timeout: 60) { alice.state.conversations[id]?.messages.count == 153 },
            "alice has \(alice.state.conversations[id]?.messages.count ?? 0) of 153 messages")
        #expect(alice.state.conversations[id]?.messages.map(\.id) == expected, "a gap, a duplicate or a reordering")

        // A client that was never there opens the window and scrolls up, page after page, to the beginning.
        let late = client("alice", server: server, backoff: ReconnectBackoff(base: 0.2, cap: 1))
        defer { late.detachAll() }
        #expect(try await eventually { late.state.channels[id] != nil })
        late.dispatch(.openConversation(id))
        var pages = 0
        while try await eventually({
            late.state.conversations[id].map { !$0.isLoadingHistory && !$0.messages.isEmpty } ?? false
        }),
            late.state.conversations[id]?.hasMoreHistory == true, pages < 10
        {
            late.dispatch(.loadOlderHistory(id))
            pages += 1
        }
        #expect(late.state.conversations[id]?.hasMoreHistory == false)
        #expect(late.state.conversations[id]?.messages.map(\.id) == expected)
        #expect(pages >= 3, "153 messages in pages of 50 take at least three more after the first")
    }
}
