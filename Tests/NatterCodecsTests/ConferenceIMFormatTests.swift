import Testing

@testable import NatterCodecs

@Suite("Conference codec: X-MMS-IM-Format header")
struct ConferenceIMFormatTests {
    @Test func parsesTheTypicalHeader() {
        let format = CWAIMFormat(header: "X-MMS-IM-Format: FN=Segoe%20UI; EF=BIU; CO=ff0000; CS=0; PF=00")
        #expect(format.font == "Segoe UI")
        #expect(format.isBold && format.isItalic && format.isUnderlined)
        #expect(!format.effects.contains(.strikethrough))
        // MSN order is blue-green-red, so `ff0000` is blue.
        #expect(format.color == CWAColor(red: 0, green: 0, blue: 255))
        #expect(format.charset == "0")
        #expect(format.pitchAndFamily == "00")
        #expect(format.otherParameters.isEmpty)
    }

    @Test func writesTheTypicalHeaderByteForByte() {
        let format = CWAIMFormat(
            font: "Segoe UI", effects: [.underline, .bold], color: CWAColor(red: 0, green: 0, blue: 255),
            charset: "0", pitchAndFamily: "00")
        #expect(format.header == "X-MMS-IM-Format: FN=Segoe%20UI; EF=BU; CO=ff0000; CS=0; PF=00")
        #expect(CWAIMFormat(header: format.header) == format)
    }

    @Test func headerNameIsOptionalAndCaseInsensitive() {
        #expect(CWAIMFormat(header: "FN=Arial; EF=S").effects == [.strikethrough])
        #expect(CWAIMFormat(header: "x-mms-im-format:FN=Arial").font == "Arial")
    }

    @Test func shortenedColoursArePadded() {
        #expect(CWAIMFormat(header: "CO=ff").color == CWAColor(red: 255, green: 0, blue: 0))
        #expect(CWAIMFormat(header: "CO=ff").headerValue == "EF=; CO=0000ff")
        #expect(CWAColor(msnHex: "0") == CWAColor(red: 0, green: 0, blue: 0))
        #expect(CWAColor(msnHex: "1234567") == nil)
        #expect(CWAColor(msnHex: "zz") == nil)
    }

    @Test func garbledValuesSurviveVerbatim() {
        let format = CWAIMFormat(header: "FN=Arial; EF=BX; CO=blue; RL=1; PF=00]")
        #expect(format.effects.isEmpty)
        #expect(format.color == nil)
        #expect(format.pitchAndFamily == "00]")
        #expect(
            format.otherParameters == [
                .init(name: "EF", value: "BX"), .init(name: "CO", value: "blue"), .init(name: "RL", value: "1"),
            ])
        #expect(CWAIMFormat(header: format.header) == format)
    }

    @Test func fontNamesWithSeparatorsAndNonASCIIRoundTrip() {
        for font in ["MS P明朝", "A;B=C", "100%", "Tab\tFont"] {
            let format = CWAIMFormat(font: font)
            // An unescaped `;` would split the font into a third parameter.
            #expect(format.headerValue.components(separatedBy: "; ").count == 2, "\(format.headerValue)")
            #expect(CWAIMFormat(header: format.header).font == font, "\(font) → \(format.header)")
        }
        #expect(CWAIMFormat(font: "A;B").headerValue == "FN=A%3BB; EF=")
    }

    @Test func strayPercentSignsInAFontAreKept() {
        #expect(CWAIMFormat(header: "FN=50%; EF=").font == "50%")
        #expect(CWAIMFormat(header: "FN=%zzArial").font == "%zzArial")
    }

    @Test func emptyAndNonsenseHeadersGiveAnEmptyFormat() {
        #expect(CWAIMFormat(header: "") == CWAIMFormat())
        #expect(CWAIMFormat(header: " ; ;=x") == CWAIMFormat())
    }

    @Test func natterDefaultIsPlain() {
        let format = CWAIMFormat.natterDefault
        #expect(format.effects.isEmpty)
        #expect(format.header == "X-MMS-IM-Format: FN=Segoe%20UI; EF=; CO=000000; CS=0; PF=22")
    }
}
