import Foundation
import NatterEngine
import NatterModel

extension ScreenModel {
    /// Where one of our channel messages is: stored by the server, received by a member, or read by N of them.
    func channelDeliveryNote(_ message: Message, state: ClientState) -> String? {
        guard message.isOutgoing, message.conversation.kind == .channel else { return nil }
        switch message.delivery {
        case .sent: return "✓ stored"
        case .delivered: return "✓ received"
        case .read:
            let readers = state.channelReceipts[message.conversation]?.readers[message.id]?.count ?? 0
            // A read receipt from before this client started has no reader we know of.
            return readers > 0 ? "✓ read by \(readers)" : "✓ read"
        case .pending, .failed: return nil
        }
    }

    /// The ids of the messages with at least one row on the chat page the last render drew, newest first. Laid
    /// out again with the same blocks and the page height and scroll offset that render settled on, so it
    /// agrees with the screen; only called for a window that owes receipts.
    func visibleMessageIDs(state: ClientState, ui: InterfaceState) -> [String] {
        let window = state.activeWindow
        guard ui.chatMetrics.window == window, let id = window.conversationID,
            let conversation = state.conversations[id]
        else { return [] }
        let messages = timeline(of: conversation, state: state)
        var layout = Self.layout(rows: ui.rows, columns: ui.columns)
        _ = membersWidth(state: state, ui: ui, layout: &layout)
        let width = layout.chatWidth
        let offset = ui.scrollOffset(of: window)
        let pageTop = offset + ui.chatMetrics.pageHeight
        let clearedBefore = ui.clearedBefore[window]
        var below = 0
        var shown: [String] = []
        for index in messages.indices.reversed() {
            if let clearedBefore, messages[index].timestamp < clearedBefore { break }
            let rows = messageBlock(messages, at: index, clearedBefore: clearedBefore, state: state, width: width).count
            if below + rows > offset { shown.append(messages[index].id) }
            below += rows
            if below >= pageTop { break }
        }
        return shown
    }
}
