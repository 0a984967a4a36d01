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
