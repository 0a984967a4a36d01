import NatterWire
import Testing

@testable import NatterCodecs

/// Every request and response through its whole envelope: what natter's client writes, natterd reads back
/// unchanged, and the other way round.
@Suite("Roster codec: round trips")
struct RosterRoundTripTests {
    let context = ZimbraRequestContext(authToken: "0_tok", session: ZimbraSession(id: "17", seq: 4))

    @Test(arguments: RosterFixtures.requests)
    func request(_ request: RosterRequest) throws {
        let bytes = try RosterEnvelope.bytes(for: request, context: context)
        let (decoded, decodedContext) = try RosterEnvelope.parseRequest(bytes)
        #expect(decoded == request)
        #expect(decodedContext == context)
    }

    @Test(arguments: RosterFixtures.responses)
    func response(_ response: RosterResponse) throws {
        let responseContext = ZimbraResponseContext(
            session: ZimbraSession(id: "17"),
            notifications: [ZimbraNotify(seq: 5, notifications: [.subscribe(from: "b@c")])])
        let bytes = try RosterEnvelope.bytes(for: response, context: responseContext)
        let (decoded, decodedContext) = try RosterEnvelope.parseResponse(bytes, expecting: response.kind)
        #expect(decoded == response)
        #expect(decodedContext == responseContext)
    }

    @Test func everyRequestKindIsCovered() {
        #expect(Set(RosterFixtures.requests.map(\.kind)) == Set(RosterRequestKind.allCases))
        #expect(Set(RosterFixtures.responses.map(\.kind)) == Set(RosterRequestKind.allCases))
    }

    @Test func requestsAreInTheirNamespaces() throws {
        #expect(try RosterRequest.getRoster.element().namespace == "urn:zimbraIM")
        #expect(try RosterRequest.noOp(wait: true, timeout: nil).element().namespace == "urn:zimbraMail")
        #expect(try RosterRequest.auth(account: "a", password: "b").element().namespace == "urn:zimbraAccount")
    }

    @Test func authAndNoOpBytes() throws {
        #expect(
            try RosterWire.string(RosterRequest.auth(account: "alice@natter.test", password: "pw").element())
                == #"<AuthRequest xmlns="urn:zimbraAccount"><account by="name">alice@natter.test</account><password>pw</password></AuthRequest>"#
        )
        #expect(
            try RosterWire.string(RosterRequest.noOp(wait: true, timeout: 30000).element())
                == #"<NoOpRequest xmlns="urn:zimbraMail" wait="1" timeout="30000"/>"#)
        #expect(
            try RosterWire.string(RosterResponse.auth(authToken: "0_x", lifetime: 3_600_000, session: "8").element())
                == #"<AuthResponse xmlns="urn:zimbraAccount"><authToken>0_x</authToken><lifetime>3600000</lifetime><session id="8">8</session></AuthResponse>"#
        )
        #expect(
            try RosterWire.string(RosterResponse.noOp(waitDisallowed: true).element())
                == #"<NoOpResponse xmlns="urn:zimbraMail" waitDisallowed="1"/>"#)
    }

    @Test func requestEnvelopeBytes() throws {
        let bytes = try RosterEnvelope.bytes(for: .getRoster, context: context)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>\
                <context xmlns="urn:zimbra"><authToken>0_tok</authToken><session id="17" seq="4"/></context>\
                </soap:Header><soap:Body><IMGetRosterRequest xmlns="urn:zimbraIM"/></soap:Body></soap:Envelope>
                """)
    }

    /// A message with a control character a user pasted still goes out, with U+FFFD in its place.
    @Test func unwritableCharacterIsReplacedNotFatal() throws {
        let request = RosterRequest.sendMessage(to: .thread("t"), IMMessageContent(body: .init("a\u{1}b")))
        let (decoded, _) = try RosterEnvelope.parseRequest(RosterEnvelope.bytes(for: request, context: context))
        #expect(decoded == .sendMessage(to: .thread("t"), IMMessageContent(body: .init("a\u{FFFD}b"))))
    }
}
