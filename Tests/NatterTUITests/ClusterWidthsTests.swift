import Testing

@testable import NatterTUI

/// Emoji sequences laid out as wide as the terminal measured them, and drawn whole where curses can hold them.
@Suite struct ClusterWidthsTests {
    let family: Character = "👨‍👩‍👧"
    let bigFamily: Character = "👨‍👩‍👧‍👦"
    let thumb: Character = "👍🏽"
    /// What tmux 3.3 answered: the family as one glyph, the tone as a swatch beside the thumb.
    let tmux = ClusterWidths(zwjSequence: 2, modifierSequence: 4)
    /// A terminal that draws every part (xterm): widths add up.
    let parts = ClusterWidths(zwjSequence: 6, modifierSequence: 4)
    /// One that draws both as one glyph.
    let modern = ClusterWidths(zwjSequence: 2, modifierSequence: 2)

    @Test func cursorReportsAreRead() {
        #expect(ClusterWidths.column(fromCursorReport: Array("\u{1B}[12;7R".utf8)) == 7)
        // A key typed before the answer does not confuse it.
        #expect(ClusterWidths.column(fromCursorReport: Array("x\u{1B}[1;3R".utf8)) == 3)
        #expect(ClusterWidths.column(fromCursorReport: Array("\u{1B}[12R".utf8)) == nil)
        #expect(ClusterWidths.column(fromCursorReport: Array("12;7R".utf8)) == nil)
        var widths = ClusterWidths()
        widths.set(.zwjSequence, 200)
        #expect(widths.zwjSequence == nil, "an answer no emoji could give is no width")
    }

    @Test func sequencesAreAsWideAsTheTerminalDrawsThem() {
        #expect(ClusterWidths.kind(of: family) == .zwjSequence)
        #expect(ClusterWidths.kind(of: thumb) == .modifierSequence)
        #expect(ClusterWidths.kind(of: "👍") == nil)
        #expect(ClusterWidths.kind(of: "🇫🇷") == nil)
        #expect(DisplayWidth.of(thumb, terminal: tmux) == 4)
        #expect(DisplayWidth.of(family, terminal: tmux) == 2)
        #expect(DisplayWidth.of(bigFamily, terminal: tmux) == 2)
        #expect(DisplayWidth.of(family, terminal: parts) == 6)
        #expect(DisplayWidth.of(bigFamily, terminal: parts) == 8, "each part drawn: four people are 8 cells")
        #expect(DisplayWidth.of(thumb, terminal: modern) == 2)
        // Unmeasured: two cells, as before.
        #expect(DisplayWidth.of(family, terminal: ClusterWidths()) == 2)
        #expect(DisplayWidth.of(thumb, terminal: ClusterWidths()) == 2)
    }

    static func encoder(_ terminal: ClusterWidths) -> CellEncoder {
        CellEncoder(terminal: terminal) { value in
            switch value {
            case 0x200D, 0xFE0F: 0
            case 0x1F000...0x1FAFF: 2
            default: 1
            }
        }
    }

    @Test func aClusterTheTerminalDrawsAsOneGlyphGoesIntoOneCursesCell() {
        let encoder = Self.encoder(tmux)
        #expect(encoder.wholeCluster(family) == family.unicodeScalars.map(\.value))
        // The tone takes its own cells in tmux 3.3, as curses counts it too: written as it is, not in one cell.
        #expect(encoder.wholeCluster(thumb) == nil)
        #expect(encoder.encode(thumb) == thumb.unicodeScalars.map(\.value))
        // Seven code points do not fit in a cchar_t (five): the first person, padded to the same two cells.
        #expect(encoder.wholeCluster(bigFamily) == nil)
        #expect(encoder.encode(bigFamily) == [0x1F468])
        #expect(Self.encoder(modern).wholeCluster(thumb) == [0x1F44D, 0x1F3FD])
        #expect(Self.encoder(parts).wholeCluster(family) == nil)
        #expect(Self.encoder(parts).encode(family) == family.unicodeScalars.map(\.value))
        #expect(Self.encoder(ClusterWidths()).wholeCluster(family) == nil)
    }
}
