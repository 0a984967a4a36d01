import Foundation
import NatterEngine
import NatterModel

/// `/search`: moving the view to the current match and marking the matched words in it.
extension ScreenModel {
    /// The scroll offset that puts the current match mid-page, when a jump is pending for this window.
    func searchJump(
        _ conversation: Conversation, ui: inout InterfaceState, clearedBefore: Date?, state: ClientState, width: Int,
        height: Int
    ) -> Int? {
        let window = WindowID.conversation(conversation.id)
        guard var search = ui.search, search.window == window, search.jumpPending, let target = search.current else {
            return nil
        }
        search.jumpPending = false
        ui.search = search
        let messages = conversation.messages
        let unreadStart = unreadStart(in: conversation, state: state)
        var below = 0
        for index in messages.indices.reversed() {
            let block =
                unreadLineRows(at: index, unreadStart: unreadStart, width: width)
                + messageBlock(messages, at: index, clearedBefore: clearedBefore, state: state, width: width)
            if messages[index].id == target {
                if let newest = messages.last {
                    ui.scrollAnchors[window] = ScrollAnchor(newestID: newest.id, newestTimestamp: newest.timestamp)
                }
                let pageHeight = max(1, height - 1)
                return max(0, below - max(0, pageHeight - block.count) / 2)
            }
            below += block.count
        }
        return nil
    }

    /// The block of the current match with the searched words in the highlight style.
    func searchHighlighted(_ block: [ScreenRow], message: Message, ui: InterfaceState) -> [ScreenRow] {
        guard let search = ui.search, search.current == message.id else { return block }
        let words = search.query.split(whereSeparator: \.isWhitespace).map(String.init)
        return block.map { row in Self.highlight(words, in: row) }
    }

    static func highlight(_ words: [String], in row: ScreenRow) -> ScreenRow {
        var result = ScreenRow()
        for run in row.runs {
            var rest = Substring(run.text)
            while let match = words.compactMap({ rest.range(of: $0, options: .caseInsensitive) }).min(by: {
                $0.lowerBound < $1.lowerBound
            }), !match.isEmpty {
                result.append(String(rest[..<match.lowerBound]), run.role)
                result.append(String(rest[match]), .highlight)
                rest = rest[match.upperBound...]
            }
            result.append(String(rest), run.role)
        }
        return result
    }
}
