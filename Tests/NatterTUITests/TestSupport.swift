import Foundation
import NatterEngine
import NatterModel

enum Fixture {
    static let domain = "natter.test"
    static let alice = JID("alice@natter.test/tui")!
    static let bob = JID("bob@natter.test")!
    static let carol = JID("carol@natter.test")!
    static let lounge = JID("lounge@natter.test")!
    /// 2024-01-02 10:30 UTC.
    static let noon = Date(timeIntervalSince1970: 1_704_191_400)

    static func state() -> ClientState {
        var state = ClientState(domain: domain)
        state.account = alice
        state.connection = .online
        state.contacts[bob] = Contact(jid: bob, displayName: "Bob", presence: .available)
        state.contacts[carol] = Contact(jid: carol, displayName: "Carol", presence: .away)
        return state
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
