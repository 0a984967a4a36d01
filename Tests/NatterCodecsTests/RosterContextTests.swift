import NatterWire
import Testing

@testable import NatterCodecs

/// The context header, sessions and notification acknowledgement, and the envelopes real Zimbra clients send.
@Suite("Roster codec: context and envelopes")
struct RosterContextTests {
    @Test func contextWithDefaultNamespace() throws {
        let bytes = RosterWire.envelope(
            context: #"<context xmlns="urn:zimbra"><authToken>0_tok</authToken><session id="17" seq="4"/></context>"#,
            body: #"<IMGetRosterRequest xmlns="urn:zimbraIM"/>"#)
        let (request, context) = try RosterEnvelope.parseRequest(bytes)
        #expect(request == .getRoster)
        #expect(context == ZimbraRequestContext(authToken: "0_tok", session: ZimbraSession(id: "17", seq: 4)))
        #expect(context.acknowledgedSeq == 4)
    }

    /// Children of `context` without the `urn:zimbra` namespace (a prefixed context, or none at all), other
    /// prefixes for the envelope and the body, and indentation.
    @Test func otherPrefixesAndNoNamespaceChildren() throws {
        let forms = [
            RosterWire.envelope(
                context:
                    #"<z:context xmlns:z="urn:zimbra"><authToken>0_tok</authToken><session id="17" seq="4"/></z:context>"#,
                body: #"<im:IMGetChatRequest xmlns:im="urn:zimbraIM" thread="t" seq="2"/>"#, soap: "env"),
            RosterWire.envelope(
                context: #"<context><authToken>0_tok</authToken><session id="17" seq="4"/></context>"#,
                body: #"<IMGetChatRequest xmlns="urn:zimbraIM" thread="t" seq="2"/>"#, soap: "s"),
            RosterWire.envelope(
                context: """

                      <ctx:context xmlns:ctx="urn:zimbra">
                        <ctx:authToken>
                          0_tok
                        </ctx:authToken>
                        <ctx:session id="17" seq="4"/>
                      </ctx:context>

                    """,
                body: """

                      <IMGetChatRequest xmlns="urn:zimbraIM" thread="t" seq="2">
                      </IMGetChatRequest>

                    """),
        ]
        for bytes in forms {
            let (request, context) = try RosterEnvelope.parseRequest(bytes)
            #expect(request == .getChat(thread: "t", seq: 2))
            #expect(context.authToken == "0_tok")
            #expect(context.session == ZimbraSession(id: "17", seq: 4))
        }
    }

    /// Zimbra's web client acknowledges with `<notify seq>` in the request context; the highest of both counts.
    @Test func notifyAcknowledgement() throws {
        let context = try ZimbraRequestContext(
            parsing: [
                RosterWire.element(#"<context xmlns="urn:zimbra"><session id="3" seq="5"/><notify seq="8"/></context>"#)
            ])
        #expect(context.acknowledgedSeq == 8)
        #expect(ZimbraRequestContext(notifySeq: 2).acknowledgedSeq == 2)
        #expect(ZimbraRequestContext(session: ZimbraSession(id: "1")).acknowledgedSeq == nil)
        let roundTrip = ZimbraRequestContext(
            authToken: "t", session: ZimbraSession(id: "1", seq: 2), notifySeq: 2, userAgent: "natter")
        #expect(
            try ZimbraRequestContext(parsing: [RosterWire.element(RosterWire.string(roundTrip.element))]) == roundTrip)
    }

    @Test func bareSessionAsksForANewOne() throws {
        let context = try ZimbraRequestContext(parsing: [
            RosterWire.element(#"<context xmlns="urn:zimbra"><session/></context>"#)
        ])
        #expect(context.session == ZimbraSession())
        #expect(
            try RosterWire.string(ZimbraRequestContext(session: ZimbraSession()).element)
                == #"<context xmlns="urn:zimbra"><session/></context>"#)
    }

    @Test func missingContextIsEmpty() throws {
        let bytes = RosterWire.envelope(
            context: "",
            body:
                #"<AuthRequest xmlns="urn:zimbraAccount"><account by="name">alice</account><password>pw</password></AuthRequest>"#
        )
        let (request, context) = try RosterEnvelope.parseRequest(bytes)
        #expect(request == .auth(account: "alice", password: "pw"))
        #expect(context == ZimbraRequestContext())
    }

    /// The response context as the reference shows it: the session (id as text too) and several notify blocks.
    @Test func responseContextWithNotifications() throws {
        let bytes = Array(
            """
            <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
              <soap:Header>
                <context xmlns="urn:zimbra">
                  <session id="17">17</session>
                  <change token="100"/>
                  <notify seq="4"><im><n type="subscribe" from="bob@bar.com"/></im></notify>
                  <notify seq="5"><im><n type="presence" from="bob@bar.com" show="DND"/></im></notify>
                </context>
              </soap:Header>
              <soap:Body><NoOpResponse xmlns="urn:zimbraMail"/></soap:Body>
            </soap:Envelope>
            """.utf8)
        let (response, context) = try RosterEnvelope.parseResponse(bytes, expecting: .noOp)
        #expect(response == .noOp(waitDisallowed: false))
        #expect(context?.session == ZimbraSession(id: "17"))
        #expect(context?.highestSeq == 5)
        #expect(
            context?.notifications == [
                ZimbraNotify(seq: 4, notifications: [.subscribe(from: "bob@bar.com")]),
                ZimbraNotify(seq: 5, notifications: [.presence(from: "bob@bar.com", IMPresence(show: .dnd))]),
            ])
    }

    /// natterd accepts SOAP 1.1 envelopes too, as Zimbra does.
    @Test func soap11EnvelopeIsAccepted() throws {
        let bytes = Array(
            #"<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header><context xmlns="urn:zimbra"><authToken>x</authToken></context></e:Header><e:Body><IMGatewayListRequest xmlns="urn:zimbraIM"/></e:Body></e:Envelope>"#
                .utf8)
        let (request, context) = try RosterEnvelope.parseRequest(bytes)
        #expect(request == .gatewayList)
        #expect(context.authToken == "x")
    }
}
