import CNcursesw
import Testing

@testable import NatterTUI

@Suite struct CellEncoderTests {
    /// A deliberately old-fashioned wcwidth: every emoji code point 2, modifiers 2, joiners and selectors 0.
    static let legacy = CellEncoder { value in
        switch value {
        case 0x200D, 0xFE0F, 0x0300...0x036F, 0x20E3: 0
        case 0x1F1E6...0x1F1FF: 1
        case 0x2600...0x27BF: 1
        case 0x1F000...0x1FAFF, 0x4E00...0x9FFF: 2
        default: 1
        }
    }

    @Test func plainTextPassesThrough() {
        #expect(Self.legacy.encode("abc") == [0x61, 0x62, 0x63])
        #expect(Self.legacy.encode("中") == [0x4E2D])
        #expect(Self.legacy.encode(Character("e\u{301}")) == [0x65, 0x301])
    }

    @Test func flagPairsAgreeAlready() {
        #expect(Self.legacy.encode(Character("🇫🇷")) == [0x1F1EB, 0x1F1F7])
    }

    @Test func zwjFamilyIsReducedToItsFirstPerson() {
        #expect(Self.legacy.encode(Character("👨‍👩‍👧‍👦")) == [0x1F468])
    }

    @Test func skinToneIsDroppedRatherThanDoublingTheWidth() {
        #expect(Self.legacy.encode(Character("👍🏽")) == [0x1F44D])
    }

    @Test func emojiSelectorOnANarrowSymbolIsPaddedToTwoCells() {
        #expect(Self.legacy.encode(Character("❤️")) == [0x2764, 0x20])
    }

    @Test func loneCombiningMarkGetsABase() {
        #expect(Self.legacy.encode(Character("\u{301}")) == [0x20, 0x301])
    }

    /// Whatever the C library says, curses must advance exactly as many cells as our layout assumed.
    @Test(arguments: ["a", "中", "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "❤️", "1️⃣", "e\u{301}", "한"])
    func agreesWithTheSystemWcwidth(text: String) {
        setlocale(LC_CTYPE, "C.UTF-8")
        let encoder = CellEncoder { Int(natter_wcwidth($0)) }
        let encoded = encoder.encode(Character(text))
        let cursesCells = encoded.reduce(0) { $0 + max(0, Int(natter_wcwidth($1))) }
        #expect(cursesCells == DisplayWidth.of(Character(text)))
    }
}
