import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

@Suite("Conference codec: requests in both namespace forms")
struct ConferenceRequestTests {
    private static let cwa = "http://schemas.microsoft.com/2006/09/rtc/cwa"
    private static let message = CWAMessage(
        content: "  two spaces & <angle> stay  ", imFormat: CWAIMFormat(font: "Segoe UI", effects: [.bold, .italic]))

    static let conferenceActions: [CWAConferenceRequest.Action] = [
        .initiateImSession(
            uris: ["sip:bob@natter.test", "sip:carol@natter.test"], message: message, subject: "Plans"),
        .initiateImSession(uris: ["sip:bob@natter.test"], message: CWAMessage(content: "hi"), subject: nil),
        .sendMessage(message),
        .sendMessage(CWAMessage(contentType: nil, content: "bare")),
        .notifyComposing(.composing),
        .notifyComposing(.idle),
        .inviteParticipants(uris: ["sip:dave@natter.test", "sip:erin@natter.test"]),
        .ejectParticipant(uri: "sip:bob@natter.test"),
        .acceptImSession,
        .terminateImSession,
    ]

    @Test func logonHasNoNamespaceAndNoSid() throws {
        let requests = CWARequests(requests: [.logon(rid: nil, user: "alice@natter.test", password: "s3<cr>t")])
        #expect(!requests.isNamespaced)
        #expect(
            String(decoding: try requests.serialized(), as: UTF8.self)
                == #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
                + "<cwaRequests><logon><user>alice@natter.test</user><password>s3&lt;cr&gt;t</password></logon>"
                + "</cwaRequests>")
        #expect(try CWARequests(bytes: try requests.serialized()) == requests)
    }

    @Test func initiateSessionCarriesTheNamespaceAndSid() throws {
        let requests = CWARequests(sid: "15", requests: [.initiateSession(rid: "1")])
        #expect(
            String(decoding: try requests.element().serialized(), as: UTF8.self)
                == #"<cwaRequests xmlns="\#(Self.cwa)" sid="15"><initiateSession rid="1"/></cwaRequests>"#)
    }

    @Test func sendMessageByteForByte() throws {
        let requests = CWARequests(
            sid: "15",
            requests: [
                .conference(
                    CWAConferenceRequest(
                        rid: "4", confId: "7",
                        action: .sendMessage(CWAMessage(content: "hi", imFormat: CWAIMFormat(header: "FN=Arial; EF=U")))
                    )
                )
            ])
        #expect(
            String(decoding: try requests.element().serialized(), as: UTF8.self)
                == #"<cwaRequests xmlns="\#(Self.cwa)" sid="15"><conference confId="7" rid="4"><sendMessage><message>"#
                + "<format>text/plain</format><content>hi</content><Format>X-MMS-IM-Format: FN=Arial; EF=U</Format>"
                + "</message></sendMessage></conference></cwaRequests>")
    }

    @Test(arguments: conferenceActions)
    func roundTripsWithTheNamespace(_ action: CWAConferenceRequest.Action) throws {
        let requests = CWARequests(
            sid: "15", requests: [.conference(CWAConferenceRequest(rid: "9", confId: "3", action: action))])
        let bytes = try requests.serialized()
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"xmlns="\#(Self.cwa)""#))
        #expect(String(decoding: bytes, as: UTF8.self).contains("<\(action.elementName)"))
        #expect(try CWARequests(bytes: bytes) == requests)
    }

    /// natterd accepts what a client without the namespace sends, as the seed's bare fragments are.
    @Test(arguments: conferenceActions)
    func roundTripsWithoutTheNamespace(_ action: CWAConferenceRequest.Action) throws {
        let request = CWAConferenceRequest(rid: "9", confId: "3", action: action)
        let root = XMLElement("cwaRequests", attributes: ["sid": "15"]) { request.element(false) }
        let bytes = try root.serialized()
        #expect(!String(decoding: bytes, as: UTF8.self).contains("xmlns"))
        #expect(try CWARequests(bytes: bytes) == CWARequests(sid: "15", requests: [.conference(request)]))
    }

    @Test func severalRequestsInOneDocumentKeepTheirOrder() throws {
        let requests = CWARequests(
            sid: "15",
            requests: [
                .conference(CWAConferenceRequest(rid: "5", confId: "3", action: .notifyComposing(.composing))),
                .conference(
                    CWAConferenceRequest(rid: "6", confId: "3", action: .sendMessage(CWAMessage(content: "x")))),
                .conference(CWAConferenceRequest(rid: "7", confId: "3", action: .terminateImSession)),
            ])
        let decoded = try CWARequests(bytes: try requests.serialized())
        #expect(decoded.requests.map(\.rid) == ["5", "6", "7"])
        #expect(decoded == requests)
    }

    @Test func misspeltInitiateIsAcceptedInBothFormsAndNeverSent() throws {
        for xmlns in ["", #" xmlns="\#(Self.cwa)""#] {
            let document = """
                <cwaRequests\(xmlns) sid="15"><conference confId="0" rid="2"><initateImSession>\
                <uris><uri>sip:bob@natter.test</uri></uris><message><content>hi</content></message>\
                </initateImSession></conference></cwaRequests>
                """
            let decoded = try CWARequests(bytes: Array(document.utf8))
            let expected = CWAConferenceRequest(
                rid: "2", confId: "0",
                action: .initiateImSession(
                    uris: ["sip:bob@natter.test"], message: CWAMessage(contentType: nil, content: "hi"), subject: nil))
            #expect(decoded.requests == [.conference(expected)])
            let resent = String(decoding: try decoded.serialized(), as: UTF8.self)
            #expect(resent.contains("<initiateImSession>") && !resent.contains("initate"))
        }
    }

    @Test func bareNotifyComposingMeansComposing() throws {
        let document =
            #"<cwaRequests sid="1"><conference rid="1" confId="2"><notifyComposing/></conference></cwaRequests>"#
        #expect(
            try CWARequests(bytes: Array(document.utf8)).requests
                == [.conference(CWAConferenceRequest(rid: "1", confId: "2", action: .notifyComposing(.composing)))])
    }

    @Test func controlCharactersInAMessageAreReplacedNotRefused() throws {
        let requests = CWARequests(
            sid: "1",
            requests: [
                .conference(CWAConferenceRequest(rid: "1", action: .sendMessage(CWAMessage(content: "a\u{1}b"))))
            ])
        let decoded = try CWARequests(bytes: try requests.serialized())
        #expect(
            decoded.requests
                == [
                    .conference(
                        CWAConferenceRequest(rid: "1", action: .sendMessage(CWAMessage(content: "a\u{FFFD}b"))))
                ])
    }
}
