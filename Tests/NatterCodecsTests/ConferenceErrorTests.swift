import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

@Suite("Conference codec: bad input")
struct ConferenceErrorTests {
    private struct Decoded: Error {}

    private func requestError(_ document: String) throws -> CWACodecError {
        do {
            let requests = try CWARequests(bytes: Array(document.utf8))
            Issue.record("decoded \(requests) from \(document)")
            throw Decoded()
        } catch let error as CWACodecError {
            return error
        }
    }

    private func conference(_ inner: String, attributes: String = #"rid="4" confId="1""#) -> String {
        #"<cwaRequests sid="15"><conference \#(attributes)>\#(inner)</conference></cwaRequests>"#
    }

    @Test func malformedXMLIsAnsweredWithAnError() throws {
        let error = try requestError("<cwaRequests><logon>")
        #expect(error.isMalformedXML)
        let answer = error.errorResponses()
        #expect(answer.responses.count == 1)
        let bytes = String(decoding: try answer.element().serialized(), as: UTF8.self)
        #expect(
            bytes.hasPrefix(
                #"<cwaResponses xmlns="http://schemas.microsoft.com/2006/09/rtc/cwa"><error code="malformedRequest"><reason>malformed XML"#
            ))
    }

    @Test func doctypesAreRefused() throws {
        let error = try requestError(
            #"<!DOCTYPE x [<!ENTITY e "boom">]><cwaRequests><logon><user>&e;</user><password/></logon></cwaRequests>"#)
        #expect(error.isMalformedXML)
    }

    @Test func oversizedBodiesAreRefused() throws {
        let body =
            #"<cwaRequests sid="1">"# + String(repeating: "<initiateSession rid=\"1\"/>", count: 100)
            + "</cwaRequests>"
        do {
            _ = try CWARequests(bytes: Array(body.utf8), reader: XMLDocumentReader(maximumDocumentSize: 256))
            Issue.record("an oversized body decoded")
        } catch {
            #expect(error.isDocumentTooLarge)
            #expect(error.code == "requestTooLarge")
        }
    }

    @Test func wrongRootOrNamespace() throws {
        #expect(try requestError("<cwaResponses/>").code == "unknownRequest")
        #expect(try requestError(#"<cwaRequests xmlns="urn:other"><logon/></cwaRequests>"#).code == "unknownRequest")
        #expect(try requestError("<cwaRequests sid=\"1\"/>") == .noRequests)
        let foreign = try requestError(
            #"<cwaRequests><x:logon xmlns:x="urn:other"><user>a</user></x:logon></cwaRequests>"#)
        #expect(foreign.isUnknownElement)
    }

    @Test func unknownRequestCarriesItsRid() throws {
        let error = try requestError(#"<cwaRequests sid="1"><startVideo rid="8"/></cwaRequests>"#)
        #expect(error.isUnknownElement)
        #expect(error.rid == "8")
        #expect(error.errorResponses().responses.first?.rid == "8")
    }

    @Test func unknownConferenceRequestCarriesTheConferenceRid() throws {
        let error = try requestError(conference("<startVideo/>"))
        #expect(error.isUnknownElement)
        #expect(error.rid == "4")
        #expect(error.path == "cwaRequests/conference")
    }

    @Test func missingPieces() throws {
        let cases: [(String, String)] = [
            (conference("<terminateImSession/>", attributes: #"rid="4""#), "cwaRequests/conference/@confId"),
            (conference("", attributes: #"rid="4" confId="1""#), "cwaRequests/conference/*"),
            (conference("<sendMessage/>"), "cwaRequests/conference/sendMessage/message"),
            (
                conference("<sendMessage><message><format>text/plain</format></message></sendMessage>"),
                "cwaRequests/conference/sendMessage/message/content"
            ),
            (
                conference("<initiateImSession><message><content>x</content></message></initiateImSession>"),
                "cwaRequests/conference/initiateImSession/uris"
            ),
            (
                conference("<inviteParticipants><uris/></inviteParticipants>"),
                "cwaRequests/conference/inviteParticipants/uris/uri"
            ),
            (conference("<ejectParticipant/>"), "cwaRequests/conference/ejectParticipant/uri"),
            (#"<cwaRequests><logon><password>p</password></logon></cwaRequests>"#, "cwaRequests/logon/user"),
            (#"<cwaRequests><initiateSession/></cwaRequests>"#, "cwaRequests/initiateSession/@rid"),
        ]
        for (document, path) in cases {
            let error = try requestError(document)
            #expect(error.path == path, "\(document): \(error)")
            #expect(error.code == "invalidRequest" || error.code == "unknownRequest")
        }
    }

    @Test func invalidValues() throws {
        let composing = try requestError(conference("<notifyComposing><state>typing</state></notifyComposing>"))
        #expect(composing.description == #"invalid value "typing" for cwaRequests/conference/notifyComposing/state"#)
        #expect(composing.rid == "4")
        let emptyURI = try requestError(
            conference("<inviteParticipants><uris><uri> </uri></uris></inviteParticipants>"))
        #expect(emptyURI.path == "cwaRequests/conference/inviteParticipants/uris/uri")
        let two = try requestError(conference("<acceptImSession/><terminateImSession/>"))
        #expect(two.path == "cwaRequests/conference")
    }

    @Test func badEventsAndResponses() {
        #expect(throws: CWACodecError.missingAttribute("cwaEvents/@ackId")) {
            try CWAEvents(bytes: Array(#"<cwaEvents sid="1"/>"#.utf8))
        }
        #expect(throws: CWACodecError.invalidValue("cwaEvents/@ackId", value: "-1")) {
            try CWAEvents(bytes: Array(#"<cwaEvents sid="1" ackId="-1"/>"#.utf8))
        }
        #expect(throws: CWACodecError.invalidValue("cwaEvents/conference/imSessionState", value: "ringing")) {
            try CWAEvents(
                bytes: Array(
                    #"<cwaEvents sid="1" ackId="1"><conference confId="1"><imSessionState>ringing</imSessionState></conference></cwaEvents>"#
                        .utf8))
        }
        #expect(throws: CWACodecError.missingAttribute("cwaEvents/conference/messageReceived/@sender")) {
            try CWAEvents(
                bytes: Array(
                    #"<cwaEvents sid="1" ackId="1"><conference confId="1"><messageReceived><message><content>x</content></message></messageReceived></conference></cwaEvents>"#
                        .utf8))
        }
        #expect(throws: CWACodecError.invalidValue("cwaResponses/requestAccepted/PollWaitTime", value: "soon")) {
            try CWAResponses(
                bytes: Array(
                    #"<cwaResponses><requestAccepted rid="1"><PollWaitTime>soon</PollWaitTime></requestAccepted></cwaResponses>"#
                        .utf8))
        }
        #expect(throws: CWACodecError.missingElement("cwaResponses/error/reason")) {
            try CWAResponses(bytes: Array(#"<cwaResponses><error rid="1"/></cwaResponses>"#.utf8))
        }
    }
}
