import Foundation
import NatterModel

extension EngineStore {
    /// Refills conversations from the local cache at start-up so scrollback and the outbox survive restarts.
    public static func restoredState(
        domain: String, from store: any MessageStore, perConversation: Int = 200
    ) -> ClientState {
        var state = ClientState(domain: domain)
        let reducer = Reducer()
        let conversations = (try? store.knownConversations()) ?? []
        for id in conversations {
            let messages = (try? store.recentMessages(in: id, limit: perConversation)) ?? []
            guard !messages.isEmpty else { continue }
            reducer.ensureConversation(id, in: &state)
            state.conversations[id]!.messages = messages.sorted { $0.timestamp < $1.timestamp }
            // Catch-up after login resumes from the newest message the cache has seen.
            for message in messages { reducer.note(serverKey: message.serverKey, in: &state) }
        }
        for message in (try? store.pendingOutbox()) ?? [] {
            reducer.ensureConversation(message.conversation, in: &state)
            if !state.conversations[message.conversation]!.messages.contains(where: { $0.id == message.id }) {
                reducer.insert(message, into: &state.conversations[message.conversation]!)
            }
            if !state.windows.contains(.conversation(message.conversation)) {
                state.windows.append(.conversation(message.conversation))
            }
        }
        return state
    }
}
