import Foundation
import NatterModel

extension Reducer {
    func apply(_ intent: WindowIntent, to state: inout ClientState, now: Date) -> [Effect] {
        switch intent {
        case .open(let id):
            return open(id, in: &state, now: now)
        case .close(let window):
            return close(window, in: &state) + (window.conversationID.map { leave($0, in: &state, now: now) } ?? [])
        case .activate(let window):
            activate(window, in: &state)
        case .activateNumber(let number):
            if state.windows.indices.contains(number - 1) { activate(state.windows[number - 1], in: &state) }
        case .activateNext, .activatePrevious:
            guard let current = state.windows.firstIndex(of: state.activeWindow) else { break }
            let step = intent == .activateNext ? 1 : state.windows.count - 1
            activate(state.windows[(current + step) % state.windows.count], in: &state)
        case .activateNextUnread:
            activateNextUnread(in: &state, now: now)
        case .note(let id, let notice):
            noteRoomStatus(Notice(notice.level, notice.text, timestamp: now), in: id, state: &state)
        }
        return []
    }

    /// Opens a window on the conversation and, the first time, asks its adapter for recent history.
    func open(_ id: ConversationID, in state: inout ClientState, now: Date) -> [Effect] {
        ensureConversation(id, in: &state)
        ensureWindow(.conversation(id), in: &state)
        activate(.conversation(id), in: &state)
        return fetchRecentHistory(id, in: &state)
    }

    /// Asks the conversation's adapter for its recent history, unless some is here (`unlessLoaded`, for windows
    /// opened by hand; a window opened by an arrival holds just that message) or on its way already.
    func fetchRecentHistory(_ id: ConversationID, unlessLoaded: Bool = true, in state: inout ClientState) -> [Effect] {
        guard let conversation = state.conversations[id], conversation.hasMoreHistory, !conversation.isLoadingHistory,
            !unlessLoaded || !conversation.messages.contains(where: { $0.serverKey != nil })
        else { return [] }
        let command = AdapterCommand.chat(.fetchHistory(id, before: nil, limit: historyPageSize))
        guard case .ready(let key) = route(command, on: id.account, for: id, in: state) else { return [] }
        state.conversations[id]?.isLoadingHistory = true
        return [.adapter(key, command)]
    }

    func close(_ window: WindowID, in state: inout ClientState) -> [Effect] {
        guard window != .console, let index = state.windows.firstIndex(of: window) else { return [] }
        state.windows.remove(at: index)
        if state.activeWindow == window { activate(state.windows[max(0, index - 1)], in: &state) }
        return []
    }

    private func activateNextUnread(in state: inout ClientState, now: Date) {
        let start = state.windows.firstIndex(of: state.activeWindow) ?? 0
        for offset in 1...state.windows.count {
            let window = state.windows[(start + offset) % state.windows.count]
            if let id = window.conversationID, (state.conversations[id]?.unread ?? 0) > 0 {
                activate(window, in: &state)
                return
            }
        }
        state.statusNotice = Notice(.info, "no unread messages", timestamp: now)
    }
}
