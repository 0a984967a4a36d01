import NatterWire
import Testing

@testable import NatterCodecs

/// Bad input gets a clear ``RosterCodecError`` naming the request and field, never a crash or a guess.
@Suite("Roster codec: bad input")
struct RosterErrorTests {
    private func requestError(_ xml: String) throws -> RosterCodecError {
        try #require(throws: RosterCodecError.self) { try RosterWire.decodeRequest(xml) }
    }

    @Test func unknownRequest() throws {
        let error = try requestError(#"<IMFrobnicateRequest xmlns="urn:zimbraIM"/>"#)
        #expect(error.isUnknownRequest)
        #expect(error.code == .unknownDocument)
        #expect(error.description == "{urn:zimbraIM}IMFrobnicateRequest is not a Zimbra IM request")
        // A known name in another namespace is not that request.
        #expect(try requestError(#"<IMGetRosterRequest xmlns="urn:zimbraMail"/>"#).isUnknownRequest)
        #expect(try requestError(#"<NoOpRequest xmlns="urn:zimbraIM"/>"#).isUnknownRequest)
    }

    @Test func missingFields() throws {
        let cases: [(String, String)] = [
            (#"<IMSubscribeRequest name="x"/>"#, "IMSubscribeRequest@addr"),
            (#"<IMAuthorizeSubscribeRequest addr="a@b"/>"#, "IMAuthorizeSubscribeRequest@authorized"),
            (#"<IMGetChatRequest/>"#, "IMGetChatRequest@thread"),
            (#"<IMSendMessageRequest/>"#, "IMSendMessageRequest/message"),
            (
                #"<IMSendMessageRequest><message><body>x</body></message></IMSendMessageRequest>"#,
                "IMSendMessageRequest/message@thread|addr"
            ),
            (#"<IMModifyChatRequest thread="t" op="adduser"/>"#, "IMModifyChatRequest@addr"),
            (#"<IMModifyChatRequest thread="t"/>"#, "IMModifyChatRequest@op"),
            (#"<IMJoinChatRequest/>"#, "IMJoinChatRequest@thread"),
            (#"<IMModifyWhitelistRequest op="block"/>"#, "IMModifyWhitelistRequest@addr"),
            (#"<IMModifyWhitelistRequest addr="a@b"/>"#, "IMModifyWhitelistRequest@op"),
            (#"<IMGatewayRegister op="reg" service="s" name="n"/>"#, "IMGatewayRegister@password"),
            (#"<IMGatewayRegisterRequest op="unreg"/>"#, "IMGatewayRegisterRequest@service"),
            (#"<IMSetPresenceRequest/>"#, "IMSetPresenceRequest/presence"),
            (#"<AuthRequest xmlns="urn:zimbraAccount"><password>p</password></AuthRequest>"#, "AuthRequest/account"),
        ]
        for (xml, path) in cases {
            let error = try requestError(xml)
            #expect(error.path == path, "\(xml)")
            #expect(error.code == .invalidRequest)
            #expect(error.request != nil)
            #expect(error.description.contains(path))
        }
    }

    @Test func invalidValues() throws {
        let cases: [(String, String)] = [
            (
                #"<IMSetPresenceRequest><presence show="busy"/></IMSetPresenceRequest>"#,
                "IMSetPresenceRequest/presence@show"
            ),
            (
                #"<IMSetPresenceRequest><presence priority="256"/></IMSetPresenceRequest>"#,
                "IMSetPresenceRequest/presence@priority"
            ),
            (
                #"<IMSetPresenceRequest><presence priority="-1"/></IMSetPresenceRequest>"#,
                "IMSetPresenceRequest/presence@priority"
            ),
            (
                #"<IMSetPresenceRequest><presence lang="en"/><presence lang="en" show="away"/></IMSetPresenceRequest>"#,
                "IMSetPresenceRequest/presence@lang"
            ),
            (#"<IMSubscribeRequest addr="a@b" op="maybe"/>"#, "IMSubscribeRequest@op"),
            (#"<IMSubscribeRequest addr=" "/>"#, "IMSubscribeRequest@addr"),
            (#"<IMAuthorizeSubscribeRequest addr="a@b" authorized="yes"/>"#, "IMAuthorizeSubscribeRequest@authorized"),
            (#"<IMGetChatRequest thread="t" seq="first"/>"#, "IMGetChatRequest@seq"),
            (#"<IMModifyChatRequest thread="t" op="kick"/>"#, "IMModifyChatRequest@op"),
            (#"<IMModifyWhitelistRequest op="ignore" addr="a@b"/>"#, "IMModifyWhitelistRequest@op"),
            (#"<IMGatewayRegister op="login" service="s"/>"#, "IMGatewayRegister@op"),
            (#"<NoOpRequest xmlns="urn:zimbraMail" wait="perhaps"/>"#, "NoOpRequest@wait"),
            (#"<NoOpRequest xmlns="urn:zimbraMail" timeout="-5"/>"#, "NoOpRequest@timeout"),
            (
                #"<AuthRequest xmlns="urn:zimbraAccount"><account by="id">x</account><password/></AuthRequest>"#,
                "AuthRequest/account@by"
            ),
        ]
        for (xml, path) in cases {
            let error = try requestError(xml)
            #expect(error.path == path, "\(xml)")
            #expect(error.code == .invalidRequest)
        }
    }

    /// A client cannot send what natterd would refuse.
    @Test func encodingRefusesInvalidRequests() throws {
        let invalid: [RosterRequest] = [
            .setPresence([]),
            .setPresence([IMPresence(lang: "en"), IMPresence(lang: "en")]),
            .setPresence([IMPresence(), IMPresence()]),
            .subscribe(addr: ""),
            .sendMessage(to: .address(""), IMMessageContent()),
            .modifyChat(thread: "t", .addUser(addr: "", invitation: "")),
            .gatewayRegister(service: "", .reconnect),
            .auth(account: "", password: "x"),
        ]
        for request in invalid {
            #expect(throws: RosterCodecError.self, "\(request)") { try request.element() }
        }
    }

    @Test func unexpectedResponse() throws {
        let error = try #require(throws: RosterCodecError.self) {
            try RosterWire.decodeResponse(
                #"<IMSubscribeResponse xmlns="urn:zimbraIM" addr="a@b"/>"#, expecting: .getRoster)
        }
        #expect(
            error.description == "IMGetRoster: expected IMGetRosterResponse, found {urn:zimbraIM}IMSubscribeResponse")
        #expect(throws: RosterCodecError.self) { try RosterWire.decodeResponse("<IMSubscribeRequest addr=\"a\"/>") }
    }

    @Test func badResponses() throws {
        let cases: [(String, String)] = [
            (
                #"<AuthResponse xmlns="urn:zimbraAccount"><lifetime>1</lifetime></AuthResponse>"#,
                "AuthResponse/authToken"
            ),
            (
                #"<AuthResponse xmlns="urn:zimbraAccount"><authToken>t</authToken><lifetime>soon</lifetime></AuthResponse>"#,
                "AuthResponse/lifetime"
            ),
            (#"<IMGetChatResponse/>"#, "IMGetChatResponse/chat"),
            (
                #"<IMGetChatResponse><chat thread="t"><messages><message ts="1" from="1"/></messages></chat></IMGetChatResponse>"#,
                "IMGetChatResponse/chat/messages/message@seq"
            ),
            (
                #"<IMGatewayListResponse><service name="s" type="t"><registration name="r" state="asleep"/></service></IMGatewayListResponse>"#,
                "IMGatewayListResponse/service/registration@state"
            ),
            (#"<IMGatewayRegisterResponse/>"#, "IMGatewayRegisterResponse@result"),
        ]
        for (xml, path) in cases {
            let error = try #require(throws: RosterCodecError.self, "\(xml)") { try RosterWire.decodeResponse(xml) }
            #expect(error.path == path, "\(xml)")
        }
    }

    @Test func badNotifications() throws {
        let cases: [(String, String)] = [
            (#"<n from="a@b"/>"#, "notify/im/n@type"),
            (#"<n type="message" thread="t" ts="1"/>"#, "notify/im/n[@type=message]@from"),
            (#"<n type="presence" from="a@b" show="sleepy"/>"#, "notify/im/n[@type=presence]@show"),
            (#"<n type="subscribed" name="x"/>"#, "notify/im/n[@type=subscribed]@to"),
            (#"<n type="unsubscribed" to="a@b" ask="maybe"/>"#, "notify/im/n[@type=unsubscribed]@ask"),
            (#"<n type="gwStatus" service="s" state="dreaming"/>"#, "notify/im/n[@type=gwStatus]@state"),
        ]
        for (xml, path) in cases {
            let error = try #require(throws: RosterCodecError.self, "\(xml)") { try RosterWire.decodeNotification(xml) }
            #expect(error.path == path, "\(xml)")
        }
        #expect(throws: RosterCodecError.self) { try ZimbraNotify(parsing: RosterWire.element("<notify/>")) }
    }

    @Test func malformedXML() throws {
        for text in [
            "<IMGetRosterRequest",
            "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><a></b></soap:Body></soap:Envelope>",
            "",
        ] {
            #expect(throws: XMLError.self, "\(text)") { try RosterEnvelope.parseRequest(Array(text.utf8)) }
        }
        #expect(throws: SOAPError.self) {
            try RosterEnvelope.parseRequest(
                Array(
                    #"<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header/></soap:Envelope>"#
                        .utf8))
        }
    }
}
