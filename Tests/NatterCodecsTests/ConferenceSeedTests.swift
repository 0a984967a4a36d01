import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

/// Seed 001's three XML blocks, read from `../shared/seeds/001_16e5dca978afc308.txt` so the test follows the
/// seed itself. The seed's XML is indented; comparisons drop the whitespace between tags (and the space in
/// `<x />`) on both sides, which is the only difference between its layout and Natter's compact output.
enum ConferenceSeed {
    static var text: String {
        get throws {
            let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            let file = repository.deletingLastPathComponent().appendingPathComponent(
                "shared/seeds/001_16e5dca978afc308.txt")
            return try String(contentsOf: file, encoding: .utf8)
        }
    }

    static func block(after start: String, before end: String?) throws -> String {
        let text = try text
        let from = try #require(text.range(of: start)).upperBound
        let to =
            try end.map { try #require(text.range(of: $0, range: from..<text.endIndex)).lowerBound } ?? text.endIndex
        return String(text[from..<to]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static var syntax: String { get throws { try block(after: "Syntax\n", before: "The following sections") } }
    static var request: String { get throws { try block(after: "\nRequest\n", before: "Resultant events") } }
    static var events: String { get throws { try block(after: "Resultant events\n", before: nil) } }

    static func compact(_ xml: String) -> String {
        xml.replacing(/>\s+</, with: "><").replacing(" />", with: "/>")
    }

    static func element(_ xml: String) throws -> XMLElement { try XMLDocumentReader().parse(xml) }
}

@Suite("Conference codec: seed 001")
struct ConferenceSeedTests {
    private let seedFormat = "X-MMS-IM-Format: FN=Arial; EF=; CO=000000; CS=1; PF=00]"

    @Test func syntaxBlockDecodes() throws {
        let syntax = try ConferenceSeed.syntax
        let conference = try ConferenceSeed.element(#"<conference confId="0" rid="1">"# + syntax + "</conference>")
        let request = try CWAConferenceRequest(parsing: conference, path: "conference")
        let expected = CWAConferenceRequest(
            rid: "1", confId: "0",
            action: .initiateImSession(
                uris: ["sip:jessicaa@contoso.com"],
                message: CWAMessage(
                    contentType: "text/plain", content: "We need to talk!", imFormat: CWAIMFormat(header: seedFormat)),
                subject: "Contoso New Building Plans"))
        #expect(request == expected)
        let format = try #require(request.imFormat)
        #expect(format.font == "Arial")
        #expect(format.effects.isEmpty)
        #expect(format.color == CWAColor(red: 0, green: 0, blue: 0))
        #expect(format.charset == "1")
        // The seed's `PF=00]` has a stray bracket; it is kept verbatim rather than refused or "repaired".
        #expect(format.pitchAndFamily == "00]")
    }

    /// The syntax block is the one complete `initiateImSession` in the seed; Natter writes exactly it.
    @Test func syntaxBlockByteForByte() throws {
        let request = CWAConferenceRequest(
            rid: "1",
            action: .initiateImSession(
                uris: ["sip:jessicaa@contoso.com"],
                message: CWAMessage(
                    contentType: "text/plain", content: "We need to talk!", imFormat: CWAIMFormat(header: seedFormat)),
                subject: "Contoso New Building Plans"))
        let inner = try #require(request.element(false).elements.first)
        let bytes = try inner.serialized()
        #expect(bytes == Array(ConferenceSeed.compact(try ConferenceSeed.syntax).utf8))
    }

    @Test func exampleRequestWithTheMisspellingDecodes() throws {
        let request = try ConferenceSeed.request
        #expect(request.contains("<initateImSession>"))
        let decoded = try CWAConferenceRequest(parsing: try ConferenceSeed.element(request), path: "conference")
        #expect(
            decoded
                == CWAConferenceRequest(
                    rid: "2", confId: "1",
                    action: .initiateImSession(
                        uris: ["sip:jessicaa@contoso.com"],
                        message: CWAMessage(
                            contentType: nil, content: "Hey,.can we talk?", imFormat: CWAIMFormat(header: seedFormat)),
                        subject: nil)))
    }

    /// Natter re-sends the example with the element spelt correctly and `<content>` before `<Format>` (the
    /// syntax block's order); everything else is the seed's bytes.
    @Test func exampleRequestReencodesInItsClosestFaithfulForm() throws {
        let request = try ConferenceSeed.request
        let decoded = try CWAConferenceRequest(parsing: try ConferenceSeed.element(request), path: "conference")
        let expected = ConferenceSeed.compact(request)
            .replacing("initateImSession", with: "initiateImSession")
            .replacing(
                "<Format>\(seedFormat)</Format><content>Hey,.can we talk?</content>",
                with: "<content>Hey,.can we talk?</content><Format>\(seedFormat)</Format>")
        #expect(try decoded.element(false).serialized() == Array(expected.utf8))
        #expect(!expected.contains("initateImSession"))
    }

    /// The seed lists the two `requestAccepted` without their `<cwaResponses>` parent (the dialect notes name it);
    /// wrapped in it they decode, and they re-encode byte for byte except for the seed's stray space in
    /// `<uri> sip:…`, which the reader trims.
    @Test func resultantEventsDecodeAndReencode() throws {
        let wrapped = "<cwaResponses>" + (try ConferenceSeed.events) + "</cwaResponses>"
        let responses = try CWAResponses(parsing: try ConferenceSeed.element(wrapped))
        #expect(
            responses.responses == [
                .requestAccepted(
                    CWARequestAccepted(rid: "1", sid: "15", uri: "sip:jessicaa@contoso.com", pollWaitTime: 3000)),
                .requestAccepted(
                    CWARequestAccepted(rid: "2", imSessionAccepted: CWAImSessionAccepted(rid: "2", confId: "1"))),
            ])
        let expected = ConferenceSeed.compact(wrapped).replacing("<uri> sip:", with: "<uri>sip:")
        #expect(try responses.element(namespaced: false).serialized() == Array(expected.utf8))
    }
}

extension CWAConferenceRequest {
    /// The IM format of the request's message, for tests.
    fileprivate var imFormat: CWAIMFormat? {
        switch action {
        case .initiateImSession(_, let message, _), .sendMessage(let message): message.imFormat
        default: nil
        }
    }
}
