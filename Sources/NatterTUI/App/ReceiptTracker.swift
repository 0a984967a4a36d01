import Foundation
import NatterEngine
import NatterModel

/// Decides which channel receipts the screen earns: `displayed` for messages drawn on the chat page, `read` once
/// the user is at the window (a key pressed recently). Pure: the run loop feeds it keys, renders and the time,
/// and dispatches what it returns; the engine forgets what was reported, so each message is reported once.
public struct ReceiptTracker: Sendable {
    /// How long after the last key the user still counts as looking at the screen.
    public var attention: TimeInterval
    private var lastInput: Date?

    public init(attention: TimeInterval = 300) {
        self.attention = attention
    }

    /// A key was pressed: the user is at the terminal.
    public mutating func input(at now: Date) {
        lastInput = now
    }

    /// What the frame just drawn earns. `shown` lists the messages on the chat page; `atBottom` says the page ends
    /// at the newest message, so nothing unread is out of sight below it.
    public func receipts(state: ClientState, shown: () -> [String], atBottom: Bool, now: Date) -> [Intent] {
        guard let id = state.activeWindow.conversationID, id.kind == .channel,
            let owed = state.channelReceipts[id], !owed.unread.isEmpty
        else { return [] }
        let present = lastInput.map { now.timeIntervalSince($0) < attention } ?? false
        // At the bottom of a focused window everything that arrived here has been read, above the page included.
        if present && atBottom { return [.channels(.markRead(id))] }
        let candidates = Set(present ? owed.unread : owed.undisplayed)
        let visible = shown().filter(candidates.contains)
        guard !visible.isEmpty else { return [] }
        return [.channels(.displayed(id, messageIDs: visible, read: present))]
    }
}
