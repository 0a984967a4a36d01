import Foundation
import NatterEngine
import NatterModel
import NatterProtocols
import Testing

/// natter's conference adapter and engine against a real natterd: an invitation, accepted and answered, and the
/// link coming back after the server is lost.
@Suite(.serialized, .offThePool) struct ConferenceIntegrationTests {
    final class Client: @unchecked Sendable {
        // The engine serialises everything; the test only reads its state.
        let engine = EngineStore(state: ClientState(domain: "natter.test"))

        init(_ user: String, server: String) {
            engine.attach(
                ConferenceAdapter(
                    configuration: ConferenceAdapterConfiguration(
                        serverURL: server, user: user, password: user, backoff: ReconnectBackoff(base: 0.2, cap: 1))))
        }

        @discardableResult
        func wait(timeout: Double = 30, until condition: (ClientState) -> Bool) -> Bool {
            EngineWaiter(engine: engine).wait(timeout: timeout, until: condition)
        }

        func texts(in id: ConversationID) -> [String] { engine.state.conversations[id]?.messages.map(\.text) ?? [] }

        deinit { engine.detachAll() }
    }

    let alice = JID("alice@natter.test")!
    let carol = JID("carol@natter.test")!

    @Test func carolInvitesAliceWhoAcceptsAndAnswers() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let carolClient = Client("carol", server: server.url)
        let aliceClient = Client("alice", server: server.url)
        #expect(carolClient.wait { $0.accounts[.default]?.isSynchronized == true })
        #expect(aliceClient.wait { $0.accounts[.default]?.isSynchronized == true })

        carolClient.engine.dispatch(
            .conferences(.start(subject: "Plans", with: [alice], message: "We need to talk!", account: .default)))
        #expect(aliceClient.wait { !$0.invitations.isEmpty }, "alice never got the invitation")
        let invitation = try #require(aliceClient.engine.state.invitations.values.first)
        #expect(invitation.from == carol)
        #expect(invitation.subject == "Plans")
        #expect(invitation.message == "We need to talk!")
        let id = ConversationID.conference(invitation.conference)
        #expect(carolClient.engine.state.conversations[id]?.title == "Plans")

        aliceClient.engine.dispatch(.conferences(.accept(id)))
        #expect(aliceClient.wait { $0.conversations[id]?.occupants.contains(carol) == true })
        #expect(aliceClient.engine.state.invitations.isEmpty)
        #expect(carolClient.wait { $0.conversations[id]?.occupants.contains(alice) == true })

        aliceClient.engine.dispatch(.composing(id, true))
        #expect(
            carolClient.wait { $0.conversations[id]?.typing.contains(alice) == true }, "carol never saw alice typing")
        aliceClient.engine.dispatch(.send(text: "Sure, let's talk", to: id))
        #expect(carolClient.wait { _ in carolClient.texts(in: id).contains("Sure, let's talk") })
        #expect(aliceClient.wait { $0.conversations[id]?.messages.last?.delivery == .sent })

        // More commands than a ticket lasts (8): the adapter follows the rotated ticket and nothing is refused.
        let burst = (1...10).map { "burst \($0)" }
        for text in burst { aliceClient.engine.dispatch(.send(text: text, to: id)) }
        #expect(carolClient.wait { _ in carolClient.texts(in: id).suffix(10) == burst[...] })
        #expect(aliceClient.wait { $0.conversations[id]?.messages.allSatisfy { $0.delivery == .sent } == true })

        // The initiator's own messages are acknowledged too, not left pending.
        carolClient.engine.dispatch(.send(text: "from carol", to: id))
        #expect(aliceClient.wait { _ in aliceClient.texts(in: id).contains("from carol") })
        #expect(
            carolClient.wait { $0.conversations[id]?.messages.last?.delivery == .sent },
            "\(String(describing: carolClient.engine.state.conversations[id]?.messages.last))")

        aliceClient.engine.dispatch(.conferences(.leave(id)))
        #expect(carolClient.wait { $0.console.contains { $0.text.contains("has ended") } })
    }

    @Test func aLostServerIsSignedIntoAgain() throws {
        let directory = try TestProcess.temporaryDirectory("conference-reconnect")
        var server = try NatterdProcess(directory: directory, arguments: ["--no-demo-peer"])
        let port = server.port
        let client = Client("alice", server: server.url)
        #expect(client.wait { $0.accounts[.default]?.adapters[.conference]?.connection == .online })
        server.kill()
        #expect(
            client.wait { state in
                if case .reconnecting = state.accounts[.default]?.adapters[.conference]?.connection { return true }
                return false
            })
        server = try NatterdProcess(port: port, directory: directory, arguments: ["--no-demo-peer"])
        #expect(client.wait(timeout: 30) { $0.accounts[.default]?.adapters[.conference]?.connection == .online })
        server.stop()
    }
}
