import NatterModel
import Testing

@Suite struct TextSanitizerTests {
    @Test func keepsPrintableTextIncludingWideCharacters() {
        #expect(TextSanitizer.message("héllo 世界 👍🏽 family 👨‍👩‍👧") == "héllo 世界 👍🏽 family 👨‍👩‍👧")
    }

    @Test func stripsCSISequences() {
        #expect(TextSanitizer.message("a\u{1B}[2J\u{1B}[1;31mred\u{1B}[0m b") == "ared b")
        #expect(TextSanitizer.message("x\u{9B}31my") == "xy")
    }

    @Test func stripsOSCIncludingClipboardWrites() {
        #expect(TextSanitizer.message("a\u{1B}]52;c;ZXZpbA==\u{07}b") == "ab")
        #expect(TextSanitizer.message("a\u{1B}]0;title\u{1B}\\b") == "ab")
        #expect(TextSanitizer.message("a\u{1B}Pq#0;2\u{1B}\\b") == "ab")
    }

    @Test func stripsC0C1AndBidiControls() {
        #expect(TextSanitizer.message("a\u{07}\u{08}\u{0D}b\u{85}c\u{202E}d\u{2066}e") == "abcde")
    }

    @Test func newlinesAndTabs() {
        #expect(TextSanitizer.message("a\nb\tc") == "a\nb    c")
        #expect(TextSanitizer.line("a\nb\tc") == "a b c")
    }

    @Test func twoCharacterEscapesAreDropped() {
        #expect(TextSanitizer.message("a\u{1B}cb\u{1B}(Bc") == "abc")
    }
}
