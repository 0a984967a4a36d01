import Foundation
import NatterEngine
import NatterModel

@testable import NatterTUI

struct UnexpectedAction: Error, CustomStringConvertible {
    let description: String
}

enum Fixture {
    /// The notice the first action posts; throws, failing the test, when it posts none.
    static func notice(in actions: [AppAction]) throws -> Notice {
        guard case .dispatch(.notice(let notice)) = actions.first else {
            throw UnexpectedAction(description: "expected a notice first, got \(actions)")
        }
        return notice
    }

    static let domain = "natter.test"
    static let alice = JID("alice@natter.test/tui")!
    static let bob = JID("bob@natter.test")!
    static let carol = JID("carol@natter.test")!
    static let lounge = JID("lounge@natter.test")!
    /// 2024-01-02 10:30 UTC.
    static let noon = Date(timeIntervalSince1970: 1_704_191_400)

    static func state() -> ClientState {
        var state = ClientState(domain: domain)
        setConnection(.online, as: alice, in: &state)
        state.contacts[bob] = Contact(jid: bob, displayName: "Bob", presence: .available)
        state.contacts[carol] = Contact(jid: carol, displayName: "Carol", presence: .away)
        return state
    }

    /// The default account's Realtime adapter attached, logged in as `jid`, with this connection.
    static func setConnection(
        _ connection: ConnectionState, as jid: JID = alice, account: AccountID = .default, in state: inout ClientState
    ) {
        if state.accounts[account] == nil { state.accounts[account] = AccountState(id: account, domain: jid.domain) }
        state.accounts[account]!.identity = jid
        var adapter = AdapterState(protocolKind: .realtime, capabilities: [.chat, .typing, .rooms, .presence])
        adapter.connection = connection
        state.accounts[account]!.adapters[.realtime] = adapter
    }

    static func withChat(_ messages: [Message]) -> ClientState {
        var state = state()
        let id = ConversationID.direct(bob)
        state.conversations[id] = Conversation(id: id, title: "Bob", messages: messages)
        state.windows.append(.conversation(id))
        state.activeWindow = .conversation(id)
        return state
    }

    static func message(
        _ text: String, from sender: JID = bob, minute: Int = 0, outgoing: Bool = false,
        delivery: DeliveryState = .sent
    ) -> Message {
        Message(
            id: UUID().uuidString, conversation: .direct(bob), sender: sender, text: text,
            timestamp: noon.addingTimeInterval(Double(minute) * 60), isOutgoing: outgoing, delivery: delivery)
    }
}
