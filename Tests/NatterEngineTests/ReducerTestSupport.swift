import Foundation
import NatterEngine
import NatterModel
import Synchronization

/// A reducer with predictable ids and a state that is already online as alice.
struct ReducerHarness {
    var reducer: Reducer
    var state: ClientState
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    let alice = JID("alice@natter.test/tui")!
    let bob = JID("bob@natter.test")!
    let lounge = JID("lounge@natter.test")!

    init(online: Bool = true) {
        let counter = Mutex(0)
        reducer = Reducer(makeMessageID: {
            counter.withLock { value in
                value += 1
                return "m-\(value)"
            }
        })
        state = ClientState(domain: "natter.test")
        if online { _ = reducer.reduce(&state, event: .authenticated(alice), now: now) }
    }

    @discardableResult
    mutating func intent(_ intent: Intent) -> [Effect] { reducer.reduce(&state, intent: intent, now: now) }

    @discardableResult
    mutating func event(_ event: EngineEvent) -> [Effect] { reducer.reduce(&state, event: event, now: now) }

    func incoming(_ text: String, key: String, from sender: JID? = nil, at offset: TimeInterval = 0) -> Message {
        let from = sender ?? bob
        return Message(
            id: key, serverKey: key, conversation: .direct(from), sender: from, text: text,
            timestamp: now.addingTimeInterval(offset), isOutgoing: false)
    }
}
