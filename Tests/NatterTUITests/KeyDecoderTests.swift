import Testing

@testable import NatterTUI

@Suite struct KeyDecoderTests {
    func decode(_ text: String) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(text) + decoder.flush()
    }

    @Test func altDigitsAndLetters() {
        #expect(decode("\u{1B}1") == [.alt("1")])
        #expect(decode("\u{1B}a") == [.alt("a")])
        #expect(decode("\u{1B}b\u{1B}f") == [.alt("b"), .alt("f")])
    }

    @Test func altNavigationKeys() {
        #expect(decode("\u{1B}[1;3A\u{1B}[1;3B") == [.altKey(.up), .altKey(.down)])
        #expect(decode("\u{1B}[5;3~\u{1B}[6;3~\u{1B}[1;3F") == [.altKey(.pageUp), .altKey(.pageDown), .altKey(.end)])
        #expect(decode("\u{1B}\r") == [.altKey(.enter)])
        // Ctrl+Up (modifier 5) is not Alt: it reads as the plain key rather than being lost.
        #expect(decode("\u{1B}[1;5A") == [.up])
        // rxvt style: ESC, then an arrow curses decoded itself.
        var decoder = KeyDecoder()
        #expect(decoder.feed(.scalar("\u{1B}")).isEmpty)
        #expect(decoder.feed(.key(.down)) == [.altKey(.down)])
        #expect(decoder.feed(.key(.down)) == [.down])
    }

    @Test func loneEscapeIsReportedOnFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.feed("\u{1B}") == [])
        #expect(decoder.flush() == [.escape])
    }

    @Test func controlKeys() {
        #expect(decode("\u{0E}\u{10}\u{01}\u{17}") == [.control("n"), .control("p"), .control("a"), .control("w")])
        #expect(decode("\r") == [.enter])
        #expect(decode("\t") == [.tab])
        #expect(decode("\u{7F}\u{08}") == [.backspace, .backspace])
    }

    @Test func csiSequencesCursesLeftUndecoded() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[5~\u{1B}[6~\u{1B}[3~") == [.up, .down, .pageUp, .pageDown, .delete])
        #expect(decode("\u{1B}OH\u{1B}OF") == [.home, .end])
        #expect(decode("\u{1B}[Z") == [.backTab])
    }

    @Test func textIsGroupedIntoClusters() {
        #expect(decode("he\u{301}") == [.character("h"), .character("é")])
        #expect(decode("👨‍👩‍👧") == [.character("👨‍👩‍👧")])
    }

    @Test func bracketedPasteIsOneKeyWithNewlines() {
        let keys = decode("x\u{1B}[200~one\rtwo\r\nthree\u{1B}[201~y")
        #expect(keys == [.character("x"), .paste("one\ntwo\nthree"), .character("y")])
    }

    @Test func pasteSurvivesBeingSplitAcrossReads() {
        var decoder = KeyDecoder()
        var keys = decoder.feed("\u{1B}[200~hello\r") + decoder.flush()
        #expect(keys.isEmpty)
        #expect(decoder.isInPaste)
        keys = decoder.feed("world\u{1B}[20") + decoder.flush()
        #expect(keys.isEmpty)
        keys = decoder.feed("1~") + decoder.flush()
        #expect(keys == [.paste("hello\nworld")])
    }

    @Test func functionKeysFromCursesPassThrough() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(.key(.pageUp)) == [.pageUp])
        #expect(decoder.feed(.scalar("a")) == [])
        #expect(decoder.feed(.key(.left)) == [.character("a"), .left])
    }
}
