import NatterEngine
import NatterModel

extension CommandParser {
    static let correctionCommands: [CommandEntry] = [
        CommandEntry(["edit"], help: "/edit text           replace the text of your last sent message here") {
            _, input, state in
            correction(state) { .chat(.editLast($0, text: input.rest.trimmingCharacters(in: .whitespaces))) }
        },
        CommandEntry(["delete"], help: "/delete              delete your last sent message here") { _, _, state in
            correction(state) { .chat(.deleteLast($0)) }
        },
        CommandEntry(["retry"], help: "/retry               send the last failed (✗) message here again") {
            _, _, state in
            correction(state) { .chat(.retryFailed($0)) }
        },
        CommandEntry(["cancel"], help: "/cancel              take the last pending (⧗) message here out of the outbox")
        {
            _, _, state in
            correction(state) { .chat(.cancelPending($0)) }
        },
    ]

    private static func correction(_ state: ClientState, _ intent: (ConversationID) -> Intent) -> [AppAction] {
        guard let id = state.activeWindow.conversationID else {
            return [.dispatch(.notice(.error("this is the console: open the conversation with the message first")))]
        }
        return [.dispatch(intent(id))]
    }
}
