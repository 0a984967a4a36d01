extension LineEditor {
    /// The visible part of the line and where the cursor sits in it.
    public struct View: Sendable, Equatable {
        public var text: String
        public var cursorColumn: Int
    }

    /// How a cluster is drawn on the one-row input line: newlines become a visible `⏎`.
    static func glyph(_ character: Character) -> Character {
        character == "\n" || character == "\r\n" ? "⏎" : character
    }

    /// Lays the line out in `width` cells, scrolling horizontally (by display width) to keep the cursor visible.
    ///
    /// Mutating because the scroll position is sticky: moving the cursor inside the visible part does not jump.
    public mutating func view(width: Int) -> View {
        guard width > 1 else { return View(text: "", cursorColumn: 0) }
        let glyphs = text.map(Self.glyph)
        // Prefix sums keep this linear for long pasted lines.
        var offsets = [0]
        offsets.reserveCapacity(glyphs.count + 1)
        for glyph in glyphs { offsets.append(offsets.last! + DisplayWidth.of(glyph)) }
        func cells(_ range: Range<Int>) -> Int { offsets[range.upperBound] - offsets[range.lowerBound] }

        scrollStart = min(scrollStart, cursor)
        // Keep a margin so the cursor never sits on the last column when more text follows.
        let margin = max(0, min(width / 4, 8))
        while cells(scrollStart..<cursor) > width - 1 - (cursor < glyphs.count ? margin : 0)
            && scrollStart < cursor
        {
            scrollStart += 1
        }
        // When text was deleted, scroll back so the line fills the field again.
        while scrollStart > 0 && cells((scrollStart - 1)..<glyphs.count) <= width - 1 { scrollStart -= 1 }

        var visible = ""
        var used = 0
        for glyph in glyphs[scrollStart...] {
            let glyphCells = DisplayWidth.of(glyph)
            if used + glyphCells > width { break }
            visible.append(glyph)
            used += glyphCells
        }
        return View(text: visible, cursorColumn: cells(scrollStart..<cursor))
    }
}
