import Foundation
import NatterEngine
import NatterModel

extension ScreenModel {
    /// Marks the stand-ins for status lines among a window's messages; no message id starts with a NUL.
    static let statusLinePrefix = "\u{0}status:"

    /// The conversation's messages with its status lines (joins, parts, presence, `/who`) merged in by time, as
    /// stand-in messages the chat pane lays out like the rest. Without status lines (or with them hidden by
    /// `show_room_status = false`) it is the messages themselves.
    func timeline(of conversation: Conversation, state: ClientState) -> [Message] {
        guard showsRoomStatus, let lines = state.roomStatus[conversation.id], !lines.isEmpty else {
            return conversation.messages
        }
        var merged: [Message] = []
        merged.reserveCapacity(conversation.messages.count + lines.count)
        var next = 0
        for (index, line) in lines.enumerated() {
            // Stable: a line goes after every message of the same time, so a join stays below what came first.
            while next < conversation.messages.count, conversation.messages[next].timestamp <= line.timestamp {
                merged.append(conversation.messages[next])
                next += 1
            }
            merged.append(
                Message(
                    id: Self.statusLinePrefix + String(index), conversation: conversation.id,
                    sender: JID(local: "status", domain: "natter.invalid"), text: line.text, timestamp: line.timestamp,
                    isOutgoing: false))
        }
        merged += conversation.messages[next...]
        return merged
    }

    /// A status line's rows, shaped like a console notice (`-- bob joined`); nil for a real message.
    func statusLineRows(_ message: Message, width: Int) -> [ScreenRow]? {
        guard message.id.hasPrefix(Self.statusLinePrefix) else { return nil }
        return noticeRows(Notice(.info, message.text, timestamp: message.timestamp), width: width)
    }
}
