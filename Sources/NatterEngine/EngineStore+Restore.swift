import Foundation
import NatterModel

extension EngineStore {
    /// Refills conversations from each account's cache at start-up so scrollback, the outbox and the adapters'
    /// resume cursors survive restarts.
    public static func restoredState(
        accounts: [AccountState], from stores: [any MessageStore], perConversation: Int = 200
    ) -> ClientState {
        var state = ClientState(accounts: accounts)
        let reducer = Reducer()
        for store in stores where state.accounts[store.account] != nil {
            for id in (try? store.knownConversations()) ?? [] {
                let messages = (try? store.recentMessages(in: id, limit: perConversation)) ?? []
                guard !messages.isEmpty else { continue }
                reducer.ensureConversation(id, in: &state)
                state.conversations[id]!.messages = messages.sorted { $0.timestamp < $1.timestamp }
            }
            for message in (try? store.pendingOutbox()) ?? [] {
                let id = message.conversation
                reducer.ensureConversation(id, in: &state)
                if !state.conversations[id]!.messages.contains(where: { $0.id == message.id }) {
                    reducer.insert(message, into: &state.conversations[id]!)
                }
                if !state.windows.contains(.conversation(id)) { state.windows.append(.conversation(id)) }
            }
            // Catch-up after login resumes where each adapter last was.
            state.accounts[store.account]!.cursors = (try? store.resumeCursors()) ?? [:]
        }
        return state
    }

    /// The single-account form: one `default` account in `domain`.
    public static func restoredState(
        domain: String, from store: any MessageStore, perConversation: Int = 200
    )
        -> ClientState
    {
        restoredState(
            accounts: [AccountState(id: store.account, domain: domain)], from: [store], perConversation: perConversation
        )
    }
}
