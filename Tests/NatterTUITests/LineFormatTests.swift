import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// How a chat line looks: the sender's format (effects, colour), per-nick colours and the aligned nick column.
@Suite struct LineFormatTests {
    func chatRows(
        _ messages: [Message], model: ScreenModel = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
    )
        -> [ScreenRow]
    {
        var model = model
        var ui = InterfaceState(rows: 12, columns: 50)
        return model.render(state: Fixture.withChat(messages), ui: &ui, now: Fixture.noon).pane(.chat)!.rows
    }

    func styled(_ text: String, _ style: MessageStyle?) -> Message {
        var message = Fixture.message(text)
        message.style = style
        return message
    }

    @Test func theSendersEffectsAndColourStyleTheTextNotThePadding() throws {
        let style = MessageStyle(effects: [.bold, .italic, .underline], color: .init(red: 255, green: 0, blue: 0))
        let rows = chatRows([styled("look here", style)])
        let row = try #require(rows.first { $0.text.contains("look here") })
        let body = try #require(row.runs.first { $0.text.contains("look here") })
        #expect(body.text == "look here", "the padding after the text is not underlined: \(row.runs)")
        #expect(
            body.style == RunStyle(attributes: [.bold, .italic, .underline], color: .rgb(red: 255, green: 0, blue: 0)))
        #expect(row.runs.last?.style == nil)
        // The marks that stood in for styling before are gone: the text is what the sender wrote.
        #expect(!row.text.contains("*look here*"))
    }

    @Test func greysKeepTheTerminalsForegroundAndPlainMessagesStayPlain() throws {
        let rows = chatRows([
            styled("black bold", MessageStyle(effects: [.bold], color: .init(red: 0, green: 0, blue: 0))),
            styled("plain", nil),
        ])
        let black = try #require(rows.first { $0.text.contains("black bold") }?.runs.first { $0.text == "black bold" })
        #expect(black.style == RunStyle(attributes: [.bold]))
        let plain = try #require(rows.first { $0.text.contains("plain") }?.runs.first { $0.text.contains("plain") })
        #expect(plain.style == nil)
    }

    @Test func strikethroughIsAStrokeOverEachNarrowCharacterAndKeepsTheLayout() throws {
        let rows = chatRows([styled("no 日本", MessageStyle(effects: [.strikethrough]))])
        let row = try #require(rows.first { $0.text.contains("\u{336}") })
        #expect(row.text.contains("n\u{336}o\u{336} 日本"))
        #expect(row.width == 50)
    }

    @Test func otherNicksGetAStableColourOwnAndHighlightedOnesKeepTheirRole() throws {
        let rows = chatRows([
            Fixture.message("hi"), Fixture.message("yo", from: Fixture.carol, minute: 1),
            Fixture.message("mine", from: Fixture.alice, minute: 2, outgoing: true),
        ])
        func nick(_ text: String) -> StyledRun? {
            rows.first { $0.text.contains(text) }?.runs.first { $0.text.hasPrefix("<") }
        }
        #expect(nick("hi")?.style == RunStyle.nick("bob@natter.test"))
        #expect(nick("yo")?.style == RunStyle.nick("carol@natter.test"))
        #expect(nick("hi")?.style != nick("yo")?.style)
        #expect(nick("mine")?.style == nil)
        #expect(nick("mine")?.role == .ownNick)
        // FNV-1a: the same on every machine and run, whatever case the address came in.
        #expect(RunStyle.nick("bob@natter.test") == RunStyle(color: .nick(0x2c44_720c)))
        #expect(RunStyle.nick("Bob@Natter.test") == RunStyle.nick("bob@natter.test"))
    }

    @Test func prefixAlignPutsEveryMessagesTextInOneColumn() {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        model.prefixAlign = .right
        let messages = [Fixture.message("from bob"), Fixture.message("from me", from: Fixture.alice, outgoing: true)]
        let right = chatRows(messages, model: model).map(\.text).filter { $0.contains("from") }
        #expect(right.map { $0.prefix(22) } == ["10:30   <Bob> from bob", "10:30 <alice> from me "])
        model.prefixAlign = .left
        let left = chatRows(messages, model: model).map(\.text).filter { $0.contains("from") }
        #expect(left.map { $0.prefix(22) } == ["10:30 <Bob>   from bob", "10:30 <alice> from me "])
        model.prefixAlignMax = 3
        let cut = chatRows(messages, model: model).map(\.text).filter { $0.contains("from") }
        #expect(cut.map { $0.prefix(18) } == ["10:30 <Bob> from b", "10:30 <al…> from m"])
    }

    @Test func paletteMapsColoursToTheNearestTheTerminalHasAndDropsThemInMonochrome() {
        #expect(ColorMatch.nearest(red: 255, green: 0, blue: 0, colors: 8) == 1)
        #expect(ColorMatch.nearest(red: 0, green: 0, blue: 255, colors: 16) == 4)
        #expect(ColorMatch.nearest(red: 255, green: 135, blue: 0, colors: 256) == 208)
        #expect(ColorMatch.nearest(red: 1, green: 2, blue: 3, colors: 0) == nil)

        let orange = RunStyle(attributes: [.underline], color: .rgb(red: 255, green: 135, blue: 0))
        var full = ColorPalette(theme: .dark, colors: 256, maxPairs: 256)
        let before = full.pairs.count
        let entry = full.entry(for: .text, style: orange)
        #expect(entry.attributes.contains(.underline))
        #expect(full.pairs.count == before + 1)
        #expect(full.pairs[entry.pair - 1].0 == 208)
        #expect(full.pairs[entry.pair - 1].1 == -1, "on the role's own background")
        #expect(full.entry(for: .text, style: orange).pair == entry.pair, "one pair per colour, reused")
        // Pure red is xterm's bright red, which the theme already paired with the default background.
        let red = RunStyle(color: .rgb(red: 255, green: 0, blue: 0))
        #expect(full.pairs[full.entry(for: .text, style: red).pair - 1].0 == 9)
        #expect(full.pairs.count == before + 1)

        var mono = ColorPalette(theme: .mono, colors: 0, maxPairs: 0)
        let plain = mono.entry(for: .text, style: orange)
        #expect(plain.pair == 0)
        #expect(plain.attributes == [.underline])
    }

    @Test func nickColoursComeFromTheThemesListAndAnEmptyListLeavesTheRole() throws {
        let theme = try Theme(
            toml: """
                nick_colors = ["red", 208]
                [styles]
                other_nick = { fg = "yellow", attrs = ["bold"] }
                """)
        #expect(theme.nickColors == [.index(1), .index(208)])
        var palette = ColorPalette(theme: theme, colors: 256, maxPairs: 256)
        let even = palette.entry(for: .otherNick, style: RunStyle(color: .nick(4)))
        let odd = palette.entry(for: .otherNick, style: RunStyle(color: .nick(5)))
        #expect(palette.pairs[even.pair - 1].0 == 1)
        #expect(palette.pairs[odd.pair - 1].0 == 208)
        #expect(even.attributes.contains(.bold))
        var plain = ColorPalette(theme: .mono, colors: 256, maxPairs: 256)
        let uncoloured = plain.entry(for: .otherNick, style: RunStyle(color: .nick(4)))
        #expect(uncoloured == plain.entry(for: .otherNick))
        #expect(throws: ThemeError.self) { _ = try Theme(toml: "nick_colors = [\"purple\"]") }
        #expect(throws: ThemeError.self) { _ = try Theme(toml: "nick_colors = \"red\"") }
    }
}
