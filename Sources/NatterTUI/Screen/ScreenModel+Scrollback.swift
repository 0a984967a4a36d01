import Foundation
import NatterEngine
import NatterModel

extension ScreenModel {
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// `── Tuesday 17 November 2026 ──`, in the local time zone: `HH:mm` alone cannot tell yesterday from today.
    func dayRow(_ date: Date, width: Int) -> ScreenRow {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year], from: date)
        let weekday = Self.weekdays[((parts.weekday ?? 1) - 1 + 7) % 7]
        let month = Self.months[((parts.month ?? 1) - 1 + 12) % 12]
        let text = "── \(weekday) \(parts.day ?? 1) \(month) \(parts.year ?? 1970) ──"
        return ScreenRow([StyledRun(text, .dim)]).fitted(to: width, fill: .text)
    }

    /// The bottom row while scrolled up: more below, and how many messages came in since scrolling.
    func moreRow(newMessages: Int, width: Int) -> ScreenRow {
        let text = newMessages > 0 ? "-- MORE (\(newMessages) new) --" : "-- MORE --"
        return ScreenRow([StyledRun(text, newMessages > 0 ? .unread : .dim)]).fitted(to: width, fill: .text)
    }

    /// Where the unread line goes: the index of the first message after the user's read position, when an incoming
    /// message follows it. Walks back only over the unread messages, so a long scrollback costs nothing.
    func unreadStart(in conversation: Conversation, state: ClientState) -> Int? {
        guard let line = state.unreadLines[conversation.id] else { return nil }
        var start: Int?
        var incoming = false
        for index in conversation.messages.indices.reversed() {
            let message = conversation.messages[index]
            if let key = message.serverKey, !MessageKey.isNewer(key, than: line) { break }
            start = index
            incoming = incoming || !message.isOutgoing
        }
        // Nothing loaded is as old as the marker: the line would claim the whole scrollback is unread.
        guard let start, start > 0 || !conversation.hasMoreHistory, incoming else { return nil }
        return start
    }

    /// The line above the first unread message, WeeChat's read marker.
    func unreadLineRows(at index: Int, unreadStart: Int?, width: Int) -> [ScreenRow] {
        guard index == unreadStart else { return [] }
        let label = " unread "
        let side = max(0, (width - DisplayWidth.of(label)) / 2)
        let text = String(repeating: "─", count: side) + label + String(repeating: "─", count: side)
        return [ScreenRow([StyledRun(text, .unread)]).fitted(to: width, fill: .text)]
    }

    /// Above the oldest message once nothing older exists anywhere.
    func beginningRow(_ conversation: Conversation?, clearedBefore: Date?, width: Int) -> ScreenRow? {
        guard let conversation, clearedBefore == nil, !conversation.hasMoreHistory, !conversation.messages.isEmpty
        else { return nil }
        return ScreenRow([StyledRun("── beginning of conversation ──", .dim)]).fitted(to: width, fill: .text)
    }

    /// How many of the messages that arrived since scrolling up are still below the page: `blocks` are the laid-out
    /// messages newest first, and `offset` rows are hidden under the page.
    func newMessagesBelow(_ newMessages: Int, blocks: [[ScreenRow]], offset: Int) -> Int {
        var rows = 0
        var hidden = 0
        for block in blocks.prefix(newMessages) {
            rows += block.count
            // A message counts as seen once its first row is on the page.
            guard rows <= offset else { break }
            hidden += 1
        }
        return hidden
    }

    /// Rows that arrived below the anchor since the last frame of this window, to add to its scroll offset.
    ///
    /// Walks back from the newest message only until the anchor, so it costs what the new messages cost. Messages
    /// inserted above the anchor (older history, a late delivery) change nothing: the offset counts from the bottom.
    func anchorScroll(
        _ conversation: Conversation, ui: inout InterfaceState, clearedBefore: Date?, state: ClientState, width: Int
    ) -> Int {
        let window = WindowID.conversation(conversation.id)
        let messages = conversation.messages
        guard let newest = messages.last else { return 0 }
        guard var anchor = ui.scrollAnchors[window] else {
            ui.scrollAnchors[window] = ScrollAnchor(newestID: newest.id, newestTimestamp: newest.timestamp)
            return 0
        }
        var added = 0
        var arrived = 0
        for index in messages.indices.reversed() {
            let message = messages[index]
            if message.id == anchor.newestID || message.timestamp < anchor.newestTimestamp { break }
            added += messageBlock(messages, at: index, clearedBefore: clearedBefore, state: state, width: width).count
            arrived += 1
        }
        anchor.newestID = newest.id
        anchor.newestTimestamp = newest.timestamp
        anchor.newMessages += arrived
        ui.scrollAnchors[window] = anchor
        return added
    }
}
