import Foundation
import NatterEngine
import NatterModel

extension ScreenModel {
    /// The chat pane, bottom-aligned: only the messages needed to fill the page (plus the scroll offset) are laid
    /// out, so a 5000-message scrollback costs what a page does. Scrolled up, the bottom row is a `-- MORE --`
    /// marker instead of the typing line, and the view stays on what the user was reading as messages arrive.
    func chatRows(state: ClientState, ui: inout InterfaceState, width: Int, height: Int) -> [ScreenRow] {
        let window = state.activeWindow
        let conversation = window.conversationID.flatMap { state.conversations[$0] }
        let clearedBefore = ui.clearedBefore[window]
        var offset = ui.scrollOffset(of: window)
        if let conversation, offset > 0 {
            offset += anchorScroll(conversation, ui: &ui, clearedBefore: clearedBefore, state: state, width: width)
        }
        if let conversation,
            let jump = searchJump(
                conversation, ui: &ui, clearedBefore: clearedBefore, state: state, width: width, height: height)
        {
            offset = jump
        }
        let typing = typingLine(state: state)
        var pageHeight = max(1, height - (offset > 0 || typing != nil ? 1 : 0))
        let needed = offset + pageHeight

        var blocks: [[ScreenRow]] = []
        var collected = 0
        var exhausted = true
        func take(_ block: [ScreenRow]) -> Bool {
            blocks.append(block)
            collected += block.count
            return collected < needed
        }
        if let conversation {
            let messages = timeline(of: conversation, state: state)
            // The marker is found among the messages; status lines merged in between shift the indices.
            let unreadID = unreadStart(in: conversation, state: state).map { conversation.messages[$0].id }
            let unreadStart = unreadID.flatMap { id in messages.lastIndex { $0.id == id } }
            for index in messages.indices.reversed() {
                if let clearedBefore, messages[index].timestamp < clearedBefore { break }
                let block = searchHighlighted(
                    unreadLineRows(at: index, unreadStart: unreadStart, width: width)
                        + messageBlock(messages, at: index, clearedBefore: clearedBefore, state: state, width: width),
                    message: messages[index], ui: ui)
                if !take(block) {
                    exhausted = false
                    break
                }
            }
        } else if window == .console {
            for notice in state.console.reversed() where !take(noticeRows(notice, width: width)) {
                exhausted = false
                break
            }
        }
        var lines: [ScreenRow] = []
        lines.reserveCapacity(collected)
        if exhausted, let beginning = beginningRow(conversation, clearedBefore: clearedBefore, width: width) {
            lines.append(beginning)
        }
        for block in blocks.reversed() { lines += block }

        if exhausted { offset = min(offset, max(0, lines.count - pageHeight)) }
        // Everything fits on one page after all: nothing to scroll, so the marker gives way to the typing line.
        if offset == 0 { pageHeight = max(1, height - (typing == nil ? 0 : 1)) }
        ui.scrollOffsets[window] = offset == 0 ? nil : offset
        if offset == 0 { ui.scrollAnchors[window] = nil }
        ui.chatMetrics.window = window
        ui.chatMetrics.pageHeight = pageHeight
        ui.chatMetrics.scrollStep = max(1, height - 2)
        ui.chatMetrics.reachedTop = exhausted && lines.count - offset <= pageHeight

        let end = lines.count - offset
        var page = Array(lines[max(0, end - pageHeight)..<max(0, end)])
        let blank = ScreenRow().fitted(to: width)
        if page.count < pageHeight { page = Array(repeating: blank, count: pageHeight - page.count) + page }
        if offset > 0 {
            let arrived = ui.scrollAnchors[window]?.newMessages ?? 0
            page.append(moreRow(newMessages: newMessagesBelow(arrived, blocks: blocks, offset: offset), width: width))
        } else if let typing {
            page.append(typing.fitted(to: width))
        }
        return page
    }

    /// One message's rows, preceded by a day line when it is the first shown or starts a new local day.
    func messageBlock(
        _ messages: [Message], at index: Int, clearedBefore: Date?, state: ClientState, width: Int
    ) -> [ScreenRow] {
        let message = messages[index]
        let rows = messageRows(message, state: state, width: width)
        guard index > 0 else { return [dayRow(message.timestamp, width: width)] + rows }
        let previous = messages[index - 1].timestamp
        if let clearedBefore, previous < clearedBefore { return [dayRow(message.timestamp, width: width)] + rows }
        if calendar.isDate(previous, inSameDayAs: message.timestamp) { return rows }
        return [dayRow(message.timestamp, width: width)] + rows
    }

    func messageRows(_ message: Message, state: ClientState, width: Int) -> [ScreenRow] {
        if let status = statusLineRows(message, width: width) { return status }
        let nick = nickName(of: message, state: state)
        var prefix = ScreenRow()
        prefix.append(clock(message.timestamp) + " ", .timestamp)
        let action = CommandParser.actionText(of: message.text)
        // As WeeChat does, a message that names you stands out by its sender, whatever its length.
        let names = message.isOutgoing ? [] : Highlighter.names(for: message.conversation.account, state: state)
        let highlighted = !message.isOutgoing && Highlighter.mentions(message.text, anyOf: names + highlightWords)
        let nickRole: StyleRole = message.isOutgoing ? .ownNick : highlighted ? .highlight : .otherNick
        let nickStyle = nickRole == .otherNick ? RunStyle.nick(message.sender.bareString) : nil
        let column = prefixAlign == .off ? nil : nickColumnWidth(message.conversation, state: state)
        let (before, shown, after) = aligned(nick, in: column)
        prefix.append(before)
        prefix.append(action != nil ? "* " + shown : "<" + shown + ">", nickRole, style: nickStyle)
        prefix.append(after + " ")

        var body = TextSanitizer.message(action.map(String.init) ?? message.text)
        // The sender's effects and colour (only received messages carry them), drawn where the terminal can.
        var bodyStyle = message.style.map(Self.runStyle)
        if message.style?.effects.contains(.strikethrough) == true { body = Self.struckThrough(body) }
        var marker: StyledRun?
        var bodyRole = StyleRole.text
        switch message.delivery {
        case .pending:
            marker = StyledRun("⧗ ", .pending)
            bodyRole = .pending
        case .failed(let reason):
            marker = StyledRun("✗ ", .failed)
            bodyRole = .failed
            body += " (not sent: " + TextSanitizer.line(reason) + ")"
        case .sent, .delivered, .read:
            if let note = channelDeliveryNote(message, state: state) { body += " " + note }
        }
        if message.isDeleted {
            body = "(message deleted)"
            bodyRole = .dim
            bodyStyle = nil
        } else if message.isEdited {
            body += " (edited)"
        }
        return hangingRows(prefix: prefix, marker: marker, body: body, role: bodyRole, style: bodyStyle, width: width)
    }

    func nickName(of message: Message, state: ClientState) -> String {
        if message.isOutgoing {
            return TextSanitizer.line(state.ownNick(on: message.conversation.account))
        }
        return TextSanitizer.line(message.senderName ?? state.displayName(of: message.sender))
    }

    func noticeRows(_ notice: Notice, width: Int) -> [ScreenRow] {
        var prefix = ScreenRow()
        prefix.append(clock(notice.timestamp) + " ", .timestamp)
        let role: StyleRole
        switch notice.level {
        case .info: role = .info
        case .warning: role = .warning
        case .error: role = .error
        }
        prefix.append(notice.level == .info ? "-- " : "!! ", role)
        let text = TextSanitizer.message(notice.text)
        return hangingRows(
            prefix: prefix, marker: nil, body: text, role: notice.level == .info ? .text : role, width: width)
    }

    /// Lays out `prefix marker body` with continuation lines indented under the start of the body.
    func hangingRows(
        prefix: ScreenRow, marker: StyledRun?, body: String, role: StyleRole, style: RunStyle? = nil, width: Int
    ) -> [ScreenRow] {
        let markerWidth = marker.map { DisplayWidth.of($0.text) } ?? 0
        var indent = prefix.width + markerWidth
        var rows: [ScreenRow] = []
        var first = prefix
        if indent > width / 2 {
            // A long nick on a narrow pane: give the text its own lines rather than a sliver.
            rows.append(prefix.fitted(to: width))
            indent = min(2 + markerWidth, width / 2)
            first = ScreenRow([StyledRun(String(repeating: " ", count: indent - markerWidth))])
        }
        if let marker { first.append(marker.text, marker.role) }
        let lines = TextLayout.wrap(body, width: max(1, width - indent))
        for (index, line) in lines.enumerated() {
            var row = index == 0 ? first : ScreenRow([StyledRun(String(repeating: " ", count: indent))])
            row.append(line, role, style: style)
            rows.append(row.fitted(to: width, fill: .text))
        }
        return rows
    }

    func typingLine(state: ClientState) -> ScreenRow? {
        guard let conversation = state.activeConversation, !conversation.typing.isEmpty else { return nil }
        let names = conversation.typing.map { TextSanitizer.line(state.displayName(of: $0)) }.sorted()
        let text: String
        switch names.count {
        case 1: text = "\(names[0]) is typing…"
        case 2: text = "\(names[0]) and \(names[1]) are typing…"
        default: text = "\(names.count) people are typing…"
        }
        return ScreenRow([StyledRun(text, .typing)])
    }
}
