import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

@Suite("Conference codec: responses and events")
struct ConferenceResponseEventTests {
    private static let cwa = "http://schemas.microsoft.com/2006/09/rtc/cwa"
    private static let message = CWAMessage(content: "Hello <all>", imFormat: .natterDefault)

    static let responses: [CWAResponses] = [
        CWAResponses(
            requestProcessed: "true",
            responses: [
                .requestAccepted(
                    CWARequestAccepted(rid: "1", sid: "15", uri: "sip:alice@natter.test", pollWaitTime: 3000))
            ]
        ),
        CWAResponses(responses: [
            .requestAccepted(
                CWARequestAccepted(rid: "2", imSessionAccepted: CWAImSessionAccepted(rid: "2", confId: "1"))),
            .error(CWAError(rid: "3", code: "userOffline", reason: "sip:bob@natter.test is not online")),
        ]),
        CWAResponses(responses: [.error(CWAError(rid: nil, reason: "unknown session"))]),
        CWAResponses(responses: []),
    ]

    static let events: [CWAConferenceEvent] =
        [
            CWAConferenceEvent(
                confId: "1",
                kind: .imSessionReceived(
                    sender: "sip:carol@natter.test", participants: ["sip:alice@natter.test", "sip:bob@natter.test"],
                    subject: "Plans", message: message)),
            CWAConferenceEvent(
                confId: "1",
                kind: .imSessionReceived(
                    sender: "sip:carol@natter.test", participants: [], subject: nil, message: CWAMessage(content: "hi"))
            ),
            CWAConferenceEvent(confId: "1", kind: .messageReceived(sender: "sip:bob@natter.test", message: message)),
            CWAConferenceEvent(confId: "1", kind: .composingState(sender: "sip:bob@natter.test", state: .composing)),
            CWAConferenceEvent(confId: "1", kind: .composingState(sender: "sip:bob@natter.test", state: .idle)),
            CWAConferenceEvent(confId: "2", kind: .participant(uri: "sip:dave@natter.test", state: .joined)),
            CWAConferenceEvent(confId: "2", kind: .participant(uri: "sip:dave@natter.test", state: .left)),
        ] + CWAImSessionState.allCases.map { CWAConferenceEvent(confId: "3", kind: .imSessionState($0)) }

    @Test(arguments: responses)
    func responsesRoundTripInBothForms(_ responses: CWAResponses) throws {
        #expect(try CWAResponses(bytes: try responses.serialized()) == responses)
        #expect(try CWAResponses(bytes: try responses.element(namespaced: false).serialized()) == responses)
    }

    @Test func errorResponseByteForByte() throws {
        let responses = CWAResponses(responses: [.error(CWAError(rid: "3", code: "emptyContent", reason: "no content"))]
        )
        #expect(
            String(decoding: try responses.element().serialized(), as: UTF8.self)
                == #"<cwaResponses xmlns="\#(Self.cwa)"><error rid="3" code="emptyContent"><reason>no content</reason>"#
                + "</error></cwaResponses>")
    }

    @Test func pollWaitTimeIsReadInEitherCase() throws {
        let document =
            #"<cwaResponses><requestAccepted rid="1"><sid>9</sid><pollWaitTime>500</pollWaitTime></requestAccepted></cwaResponses>"#
        #expect(
            try CWAResponses(bytes: Array(document.utf8)).responses
                == [.requestAccepted(CWARequestAccepted(rid: "1", sid: "9", pollWaitTime: 500))])
    }

    @Test(arguments: events)
    func eventRoundTripsInBothForms(_ event: CWAConferenceEvent) throws {
        let events = CWAEvents(sid: "15", ackId: 4, pollWaitTime: 3000, events: [event])
        #expect(try CWAEvents(bytes: try events.serialized()) == events)
        #expect(try CWAEvents(bytes: try events.element(namespaced: false).serialized()) == events)
    }

    @Test func everyEventKindIsCovered() {
        let names = Set(Self.events.map { $0.kind.element(false).name })
        #expect(
            names == ["imSessionReceived", "imSessionState", "messageReceived", "composingState", "participant"])
        #expect(Self.events.filter { if case .imSessionState = $0.kind { true } else { false } }.count == 4)
    }

    @Test func eventsDocumentByteForByte() throws {
        let events = CWAEvents(
            sid: "15", ackId: 4, pollWaitTime: 3000,
            events: [
                CWAConferenceEvent(confId: "1", kind: .imSessionState(.connected)),
                CWAConferenceEvent(
                    confId: "1",
                    kind: .messageReceived(sender: "sip:bob@natter.test", message: CWAMessage(content: "yo"))),
            ])
        #expect(
            String(decoding: try events.element().serialized(), as: UTF8.self)
                == #"<cwaEvents xmlns="\#(Self.cwa)" sid="15" ackId="4" pollWaitTime="3000">"#
                + #"<conference confId="1"><imSessionState>connected</imSessionState></conference>"#
                + #"<conference confId="1"><messageReceived sender="sip:bob@natter.test"><message>"#
                + "<format>text/plain</format><content>yo</content></message></messageReceived></conference>"
                + "</cwaEvents>")
    }

    @Test func severalEventsInOneConferenceElementAreAllRead() throws {
        let document = """
            <cwaEvents sid="15" ackId="5"><conference confId="1">\
            <participant uri="sip:dave@natter.test">joined</participant>\
            <composingState sender="sip:dave@natter.test">composing</composingState>\
            </conference></cwaEvents>
            """
        let events = try CWAEvents(bytes: Array(document.utf8))
        #expect(events.pollWaitTime == nil)
        #expect(
            events.events == [
                CWAConferenceEvent(confId: "1", kind: .participant(uri: "sip:dave@natter.test", state: .joined)),
                CWAConferenceEvent(
                    confId: "1", kind: .composingState(sender: "sip:dave@natter.test", state: .composing)),
            ])
    }

    @Test func anEmptyPollIsAnEmptyEventList() throws {
        let events = CWAEvents(sid: "15", ackId: 9, events: [])
        #expect(
            String(decoding: try events.element().serialized(), as: UTF8.self)
                == #"<cwaEvents xmlns="\#(Self.cwa)" sid="15" ackId="9"/>"#)
        #expect(try CWAEvents(bytes: try events.serialized()) == events)
    }
}
