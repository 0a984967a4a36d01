import Foundation
import NatterEngine
import NatterModel
import Synchronization

/// A reducer with predictable ids and a state whose `default` account has a Realtime adapter, online as alice.
struct ReducerHarness {
    var reducer: Reducer
    var state: ClientState
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    let alice = JID("alice@natter.test/tui")!
    let bob = JID("bob@natter.test")!
    let lounge = JID("lounge@natter.test")!
    static let realtime = SourceKey(account: .default, protocolKind: .realtime)

    init(online: Bool = true, accounts: [AccountState] = [AccountState(id: .default, domain: "natter.test")]) {
        let counter = Mutex(0)
        reducer = Reducer(makeMessageID: {
            counter.withLock { value in
                value += 1
                return "m-\(value)"
            }
        })
        state = ClientState(accounts: accounts)
        for account in accounts {
            let source = SourceKey(account: account.id, protocolKind: .realtime)
            _ = reducer.reduce(
                &state, event: .session(.attached([.chat, .typing, .rooms, .presence])), from: source, now: now)
        }
        if online { event(.session(.authenticated(alice))) }
    }

    @discardableResult
    mutating func intent(_ intent: Intent) -> [Effect] { reducer.reduce(&state, intent: intent, now: now) }

    @discardableResult
    mutating func event(_ event: EngineEvent, from source: SourceKey = realtime) -> [Effect] {
        reducer.reduce(&state, event: event, from: source, now: now)
    }

    func incoming(
        _ text: String, key: String, from sender: JID? = nil, at offset: TimeInterval = 0, account: AccountID = .default
    ) -> Message {
        let from = sender ?? bob
        return Message(
            id: key, serverKey: key, conversation: .direct(from, account: account), sender: from, text: text,
            timestamp: now.addingTimeInterval(offset), isOutgoing: false)
    }

    /// The adapter commands among `effects`, for the default account's Realtime adapter.
    static func commands(_ effects: [Effect]) -> [AdapterCommand] {
        effects.compactMap { effect in
            if case .adapter(realtime, let command) = effect { command } else { nil }
        }
    }

    static func sendsAny(_ effects: [Effect]) -> Bool {
        effects.contains { if case .adapter = $0 { true } else { false } }
    }
}
