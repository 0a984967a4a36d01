import Foundation
import NatterClient
import NatterEngine
import NatterModel
import Testing

/// One `ClientSession` for several accounts, against real natterd processes.
@Suite(.offThePool) struct ClientSessionAccountsTests {
    let first = AccountID("first")
    let second = AccountID("second")
    let broken = AccountID("broken")

    func wait(_ session: ClientSession, timeout: Double = 20, until condition: (ClientState) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(session.engine.state) { return true }
            usleep(20_000)
        }
        return condition(session.engine.state)
    }

    @Test func oneAccountFailingToStartOrGoingDownLeavesTheOthersWorking() throws {
        let serverA = try NatterdProcess()
        let serverB = try NatterdProcess()
        defer {
            serverA.stop()
            serverB.stop()
        }
        let session = try ClientSession.open(
            accounts: [
                AccountSettings(id: first, server: serverA.url, user: "alice", passwordCommand: "echo alice"),
                AccountSettings(id: second, server: serverB.url, user: "bob", passwordCommand: "echo bob"),
                AccountSettings(id: broken, server: serverB.url, user: "carol", passwordCommand: "exit 3"),
            ],
            interactive: false)
        defer { session.close() }

        #expect(
            wait(session) { state in
                state.accounts[first]?.isSynchronized == true && state.accounts[second]?.isSynchronized == true
            }, "both working accounts should log in")
        let failure = session.engine.state.accounts[broken]
        #expect(failure?.attachedAdapters.isEmpty == true)
        #expect(
            failure?.lastError?.contains("password command exited with status 3") == true,
            "\(String(describing: failure))")

        serverA.kill()
        #expect(
            wait(session) { state in
                if case .reconnecting = state.accounts[first]?.connection { true } else { false }
            }, "the first account should notice its server is gone")
        let carol = ConversationID.direct(JID("carol@natter.test")!, account: second)
        session.engine.dispatch(.send(text: "still here", to: carol))
        #expect(
            wait(session) { $0.conversations[carol]?.messages.last?.delivery == .sent },
            "a send on the second account must not wait for the first")
        #expect(session.engine.state.accounts[second]?.isOnline == true)
    }
}
