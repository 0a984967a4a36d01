import Testing

@testable import NatterTUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("中", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2), ("👍", 2), ("👍🏽", 2),
        ("👨‍👩‍👧‍👦", 2), ("🇫🇷", 2), ("❤️", 2), ("❤", 1), ("1️⃣", 2), ("🏳️‍🌈", 2), ("\u{200B}", 0),
        ("\u{1100}\u{1161}\u{11A8}", 2),
    ])
    func clusterWidth(text: String, expected: Int) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(Character(text)) == expected)
    }

    @Test func stringWidthSumsClusters() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("hi 👋🏻 there") == 11)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("🇯🇵🇰🇷") == 4)
    }
}
