import NatterEngine
import NatterModel

/// Where the nick column's text sits (`prefix_align` in config.toml, as WeeChat's option of that name).
public enum PrefixAlign: String, Sendable, CaseIterable {
    /// `12:00 <bob> hi` — every line starts its text right after its own nick.
    case off = "none"
    /// Nicks padded on the right, so every message's text starts in one column.
    case left
    /// Nicks padded on the left, ending at one column (WeeChat's default).
    case right
}

extension ScreenModel {
    /// The terminal look of a sender's style: bold, italic and underline as attributes, a chosen hue as a
    /// colour. Greys (black and white included) are a client's "automatic" colour, not a choice, and would vanish
    /// on a background of the same shade, so they keep the terminal's own foreground.
    static func runStyle(_ style: MessageStyle) -> RunStyle {
        var attributes = Theme.Attributes()
        if style.effects.contains(.bold) { attributes.insert(.bold) }
        if style.effects.contains(.italic) { attributes.insert(.italic) }
        if style.effects.contains(.underline) { attributes.insert(.underline) }
        var run = RunStyle(attributes: attributes)
        if let color = style.color, !color.isGrey {
            run.color = .rgb(red: color.red, green: color.green, blue: color.blue)
        }
        return run
    }

    /// Strikethrough as text: curses has no such attribute, so each narrow character gets U+0336 COMBINING LONG
    /// STROKE OVERLAY, which terminals draw through it and which costs no cell. Wide characters and spaces are
    /// left alone, since a stroke over half an ideograph reads as a different glyph.
    static func struckThrough(_ text: String) -> String {
        var result = ""
        for character in text {
            result.append(character)
            if character != " ", character != "\n", DisplayWidth.of(character) == 1 {
                result.unicodeScalars.append("\u{336}")
            }
        }
        return result
    }

    /// The width of the nick column in a conversation: its longest name (the occupants of a room, the peer of a
    /// chat, ourselves), at most `prefixAlignMax`. Computed from who is in it rather than from the lines on
    /// screen, so the column stays put while scrolling.
    func nickColumnWidth(_ id: ConversationID, state: ClientState) -> Int {
        var names: [String] = []
        if let me = state.accounts[id.account]?.identity { names.append(TextSanitizer.line(me.local)) }
        if case .direct(let peer) = id.target { names.append(TextSanitizer.line(state.displayName(of: peer))) }
        for occupant in state.conversations[id]?.occupants ?? []
        where occupant != state.accounts[id.account]?.identity?.bare {
            names.append(TextSanitizer.line(state.displayName(of: occupant)))
        }
        let longest = names.map { DisplayWidth.of($0) }.max() ?? 0
        return min(max(longest, 1), max(1, prefixAlignMax))
    }

    /// The nick as shown in a column of `width` cells (`nil`: no column), with the padding before and after it.
    /// A longer nick is cut with `…`, as WeeChat cuts it with `+`.
    func aligned(_ nick: String, in width: Int?) -> (before: String, nick: String, after: String) {
        guard let width else { return ("", nick, "") }
        let shown = DisplayWidth.of(nick) > width ? TextLayout.truncate(nick, to: width, ellipsis: true) : nick
        let room = String(repeating: " ", count: max(0, width - DisplayWidth.of(shown)))
        switch prefixAlign {
        case .off: return ("", nick, "")
        case .right: return (room, shown, "")
        case .left: return ("", shown, room)
        }
    }
}
