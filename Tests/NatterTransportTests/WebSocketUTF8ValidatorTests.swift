import Testing

@testable import NatterTransport

@Suite struct WebSocketUTF8ValidatorTests {
    private func validate(_ bytes: [UInt8]) -> Bool {
        var validator = WebSocketUTF8Validator()
        return validator.validate(bytes) && validator.isComplete
    }

    @Test func acceptsValidText() {
        #expect(validate(Array("Hello-µ@ßöäüàá-UTF-8!!".utf8)))
        #expect(validate(Array("κόσμε 𝄞 \u{10FFFF} \u{FFFD}".utf8)))
        #expect(validate(Array(String(repeating: "plain ascii ", count: 100).utf8)))
        #expect(validate([]))
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],  // overlong NUL
        [0xE0, 0x80, 0xAF],  // overlong
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xF5, 0x80, 0x80, 0x80],
        [0x80],  // stray continuation
        [0xFE], [0xFF],
        [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xC3, 0x28],  // bad byte after an ASCII run
    ])
    func rejectsInvalidSequences(bytes: [UInt8]) {
        #expect(!validate(bytes))
    }

    @Test func truncatedSequenceIsValidSoFarButIncomplete() {
        var validator = WebSocketUTF8Validator()
        let prefixValid = validator.validate([0x61, 0xF0, 0x9D])
        #expect(prefixValid)
        #expect(!validator.isComplete)
        let restValid = validator.validate([0x84, 0x9E])
        #expect(restValid)
        #expect(validator.isComplete)
    }

    @Test func failsAtTheChunkThatBreaksTheText() {
        var validator = WebSocketUTF8Validator()
        let results = [Array("κόσμε".utf8), [0xCE], [0x41], Array("more".utf8)].map { validator.validate($0) }
        #expect(results == [true, true, false, false])
    }

    @Test func agreesWithTheStandardLibraryOnEveryTwoByteInput() {
        for first in 0...255 {
            for second in 0...255 {
                let bytes = [UInt8(first), UInt8(second)]
                let expected = String(validating: bytes, as: UTF8.self) != nil
                #expect(validate(bytes) == expected, "\(bytes)")
            }
        }
    }
}
