import Testing

@testable import NatterTUI

@Suite struct TextLayoutTests {
    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(TextLayout.truncate("日本語", to: 5) == "日本")
        #expect(TextLayout.truncate("日本語", to: 5, pad: true) == "日本 ")
        #expect(DisplayWidth.of(TextLayout.truncate("a👨‍👩‍👧‍👦b", to: 2, pad: true)) == 2)
        #expect(TextLayout.truncate("a👨‍👩‍👧‍👦b", to: 3) == "a👨‍👩‍👧‍👦")
        #expect(TextLayout.truncate("hello world", to: 6, ellipsis: true) == "hello…")
    }

    @Test func truncationKeepsCombiningMarksWithTheirBase() {
        let text = "e\u{301}e\u{301}e\u{301}"
        let cut = TextLayout.truncate(text, to: 2)
        #expect(cut == "e\u{301}e\u{301}")
        #expect(cut.unicodeScalars.count == 4)
    }

    @Test func fitPadsToExactWidth() {
        for text in ["", "abc", "中文", "🇫🇷 flag", "x\u{301}"] {
            #expect(DisplayWidth.of(TextLayout.fit(text, to: 7)) == 7)
        }
    }

    @Test func tailKeepsTheEnd() {
        #expect(TextLayout.tail("abcdef", width: 3) == "def")
        #expect(TextLayout.tail("ab中文", width: 3) == "文")
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(TextLayout.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("a\nb", width: 10) == ["a", "b"])
        #expect(TextLayout.wrap("", width: 10) == [""])
    }

    @Test func wrapBreaksLongWordsBetweenClusters() {
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        let emoji = String(repeating: "👍🏽", count: 5)
        let lines = TextLayout.wrap(emoji, width: 5)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
        #expect(lines.joined() == emoji)
    }

    @Test func wrapBreaksCJKWithoutSpaces() {
        let lines = TextLayout.wrap("日本語のテキスト", width: 7)
        #expect(lines == ["日本語", "のテキ", "スト"])
    }

    @Test(arguments: [1, 2, 3, 7, 13, 40])
    func wrappedLinesNeverExceedWidth(width: Int) {
        let text = "Ünïcödé 日本語 👨‍👩‍👧‍👦 family 🇯🇵 and a looooooooooooong word e\u{301}"
        for line in TextLayout.wrap(text, width: width) { #expect(DisplayWidth.of(line) <= max(width, 2)) }
    }
}
