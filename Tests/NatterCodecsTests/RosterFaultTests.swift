import NatterWire
import Testing

@testable import NatterCodecs

/// SOAP 1.2 faults with the Zimbra code in `soap:Detail/Error/Code`.
@Suite("Roster codec: faults")
struct RosterFaultTests {
    static let codes: [ZimbraErrorCode] = [
        .authRequired, .authExpired, .authFailed, .permissionDenied, .invalidRequest, .unknownDocument, .parseError,
        .failure, .invalidAddress,
    ]

    @Test func faultBytes() throws {
        let bytes = try RosterEnvelope.bytes(
            for: ZimbraFault(code: .authRequired, reason: "no valid authtoken present"))
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>\
                <context xmlns="urn:zimbra"/></soap:Header><soap:Body><soap:Fault>\
                <soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason>\
                <soap:Text xml:lang="en">no valid authtoken present</soap:Text></soap:Reason><soap:Detail>\
                <Error xmlns="urn:zimbra"><Code>service.AUTH_REQUIRED</Code></Error></soap:Detail></soap:Fault>\
                </soap:Body></soap:Envelope>
                """)
    }

    @Test(arguments: codes)
    func roundTrip(_ code: ZimbraErrorCode) throws {
        let context = ZimbraResponseContext(
            session: ZimbraSession(id: "3"),
            notifications: [ZimbraNotify(seq: 2, notifications: [.subscribe(from: "a@b")])])
        let bytes = try RosterEnvelope.bytes(for: ZimbraFault(code: code, reason: "why"), context: context)
        let fault = try #require(throws: ZimbraFault.self) { try RosterEnvelope.parseResponse(bytes) }
        #expect(fault.code == code)
        #expect(fault.reason == "why")
        // Notifications that rode along with the fault are not lost.
        #expect(fault.context == context)
        let soap = try #require(throws: SOAPFault.self) { try SOAPEnvelope.parse(bytes) }
        #expect(soap.code == (code == .failure ? .receiver : .sender))
    }

    /// A fault as Zimbra itself writes it, with a `Trace` and another envelope prefix.
    @Test func realZimbraFault() throws {
        let bytes = Array(
            """
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
              <env:Header><context xmlns="urn:zimbra"/></env:Header>
              <env:Body>
                <env:Fault>
                  <env:Code><env:Value>env:Sender</env:Value></env:Code>
                  <env:Reason><env:Text>auth credentials have expired</env:Text></env:Reason>
                  <env:Detail>
                    <Error xmlns="urn:zimbra">
                      <Code>service.AUTH_EXPIRED</Code>
                      <Trace>qtp1-123:1700000000000:abcdef</Trace>
                    </Error>
                  </env:Detail>
                </env:Fault>
              </env:Body>
            </env:Envelope>
            """.utf8)
        let fault = try #require(throws: ZimbraFault.self) { try RosterEnvelope.parseResponse(bytes, expecting: .noOp) }
        #expect(fault.code == .authExpired)
        #expect(fault.reason == "auth credentials have expired")
        #expect(fault.context == ZimbraResponseContext())
    }

    @Test func faultWithoutZimbraDetailIsAFailure() throws {
        let soap = SOAPFault(version: .soap12, code: .receiver, reason: "proxy error")
        let bytes = try SOAPEnvelope(fault: soap).serialized()
        let fault = try #require(throws: ZimbraFault.self) { try RosterEnvelope.parseResponse(bytes) }
        #expect(fault.code == .failure)
        #expect(fault.context == nil)
    }

    @Test func unreadableRequestsBecomeFaults() throws {
        let malformed = try #require(throws: XMLError.self) {
            try RosterEnvelope.parseRequest(Array("<soap:Envelope".utf8))
        }
        #expect(ZimbraFault.unreadableRequest(malformed).code == .parseError)
        let notSOAP = try #require(throws: SOAPError.self) { try RosterEnvelope.parseRequest(Array("<html/>".utf8)) }
        #expect(ZimbraFault.unreadableRequest(notSOAP).code == .parseError)
        let unknown = try #require(throws: RosterCodecError.self) {
            try RosterEnvelope.parseRequest(
                RosterWire.envelope(context: "", body: #"<IMGetPrivacyListRequest xmlns="urn:zimbraIM"/>"#))
        }
        #expect(ZimbraFault.unreadableRequest(unknown).code == .unknownDocument)
        let oversized = try #require(throws: XMLError.self) {
            try RosterEnvelope.parseRequest(
                RosterWire.envelope(context: "", body: "<IMGetRosterRequest xmlns=\"urn:zimbraIM\"/>"),
                reader: XMLDocumentReader(maximumDocumentSize: 64))
        }
        #expect(oversized.isSizeLimit)
        #expect(ZimbraFault.unreadableRequest(oversized).code == .parseError)
    }
}
