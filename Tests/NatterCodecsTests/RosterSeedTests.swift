import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

/// Every example of seed 000 (`../shared/seeds/000_*.txt`). The seed writes templates: placeholders such as
/// `foo@bar.com` or `threadID` are kept as literal values, optional parts (`[...]`) are tested both present and
/// absent, and bodies are compared byte for byte once the namespace their envelope gives them is added. Where an
/// example is broken, the comment says how and the closest faithful form is tested.
@Suite("Roster codec: seed 000 requests and responses")
struct RosterSeedTests {
    let im = "urn:zimbraIM"

    /// Encoding `request` gives the seed's bytes, and decoding the seed's bytes gives `request`.
    private func expectRequest(_ seed: String, _ request: RosterRequest) throws {
        #expect(try RosterWire.string(request.element()) == RosterWire.namespaced(seed, im))
        #expect(try RosterWire.decodeRequest(seed) == request)
        #expect(try RosterWire.decodeRequest(RosterWire.namespaced(seed, im)) == request)
    }

    private func expectResponse(_ seed: String, _ response: RosterResponse) throws {
        #expect(try RosterWire.string(response.element()) == RosterWire.namespaced(seed, im))
        #expect(try RosterWire.decodeResponse(RosterWire.namespaced(seed, im), expecting: response.kind) == response)
    }

    @Test func getRoster() throws {
        try expectRequest("<IMGetRosterRequest/>", .getRoster)
    }

    /// The seed's response is a commented template (`<presence SEE BELOW/>`); this is its shape filled in.
    @Test func getRosterResponse() throws {
        try expectResponse(
            #"<IMGetRosterResponse><presence show="online" priority="0" status="here"/><chats><chat thread="threadID"><pcps><p addr="foo@bar.com"/></pcps></chat></chats></IMGetRosterResponse>"#,
            .getRoster(
                presence: IMPresence(show: .online, priority: 0, status: "here"),
                chats: [IMActiveChat(thread: "threadID", participants: ["foo@bar.com"])]))
    }

    @Test func subscribe() throws {
        try expectRequest(
            #"<IMSubscribeRequest addr="foo@bar.com" name="friendly name" groups="group,group2" op="add"/>"#,
            .subscribe(addr: "foo@bar.com", op: .add, name: "friendly name", groups: ["group", "group2"]))
        try expectRequest(
            #"<IMSubscribeRequest addr="foo@bar.com" op="remove"/>"#, .subscribe(addr: "foo@bar.com", op: .remove))
        // Without `op` the seed's default is add.
        #expect(
            try RosterWire.decodeRequest(#"<IMSubscribeRequest addr="foo@bar.com"/>"#)
                == .subscribe(addr: "foo@bar.com"))
        try expectResponse(
            #"<IMSubscribeResponse addr="might-be-different@domain.com"/>"#,
            .subscribe(addr: "might-be-different@domain.com"))
    }

    @Test func authorizeSubscribe() throws {
        try expectRequest(
            #"<IMAuthorizeSubscribeRequest addr="foo@bar.com" authorized="true" add="true" groups="group,group2"/>"#,
            .authorizeSubscribe(addr: "foo@bar.com", authorized: true, add: true, groups: ["group", "group2"]))
        // The reference's fuller form also names the buddy.
        try expectRequest(
            #"<IMAuthorizeSubscribeRequest addr="foo@bar.com" authorized="true" add="true" name="nickname" groups="group"/>"#,
            .authorizeSubscribe(addr: "foo@bar.com", authorized: true, add: true, name: "nickname", groups: ["group"]))
        try expectRequest(
            #"<IMAuthorizeSubscribeRequest addr="foo@bar.com" authorized="false"/>"#,
            .authorizeSubscribe(addr: "foo@bar.com", authorized: false))
        #expect(
            try RosterWire.decodeRequest(
                #"<IMAuthorizeSubscribeRequest addr="foo@bar.com" authorized="false" add="false"/>"#)
                == .authorizeSubscribe(addr: "foo@bar.com", authorized: false))
        try expectResponse("<IMAuthorizeSubscribeResponse/>", .authorizeSubscribe)
    }

    @Test func setPresence() throws {
        try expectRequest(
            #"<IMSetPresenceRequest><presence lang="en" show="away" priority="255" status="STATUS"/></IMSetPresenceRequest>"#,
            .setPresence([IMPresence(show: .away, priority: 255, status: "STATUS", lang: "en")]))
        // "if multiple, each must have a different lang"
        try expectRequest(
            #"<IMSetPresenceRequest><presence lang="en" show="xa" status="gone"/><presence lang="de" show="xa" status="weg"/></IMSetPresenceRequest>"#,
            .setPresence([
                IMPresence(show: .xa, status: "gone", lang: "en"), IMPresence(show: .xa, status: "weg", lang: "de"),
            ]))
        for show in IMShow.allCases {
            try expectRequest(
                #"<IMSetPresenceRequest><presence show="\#(show.rawValue)"/></IMSetPresenceRequest>"#,
                .setPresence([IMPresence(show: show)]))
        }
        // Real clients also sent upper-case values; natter writes lower case.
        #expect(
            try RosterWire.decodeRequest(
                #"<IMSetPresenceRequest><presence show="DND"/><presence lang="fr" show="Away"/></IMSetPresenceRequest>"#
            )
                == .setPresence([IMPresence(show: .dnd), IMPresence(show: .away, lang: "fr")]))
        // The seed leaves `<IMSetPresenceResponse>` unclosed; the faithful form is the empty element.
        try expectResponse("<IMSetPresenceResponse/>", .setPresence)
    }

    @Test func getChat() throws {
        // `seq="1st-sequence-to-retrieve"` is a placeholder for a number.
        try expectRequest(#"<IMGetChatRequest thread="threadID" seq="12"/>"#, .getChat(thread: "threadID", seq: 12))
        try expectRequest(#"<IMGetChatRequest thread="threadID"/>"#, .getChat(thread: "threadID", seq: nil))
        try expectResponse(
            #"<IMGetChatResponse thread="threadID" error="not_found"/>"#, .getChat(.notFound(thread: "threadID")))
    }

    /// The seed's `<body [lang="LANGUAGE">` misses a bracket; the faithful form has the optional `lang`.
    @Test func getChatHistory() throws {
        let seed =
            #"<IMGetChatResponse><chat thread="threadID"><pcps><p id="1" addr="foo@bar.com" name="friendly" resource="resource"/><p id="2" addr="me@bar.com"/></pcps><messages><message seq="3" ts="1700000000000" from="1"><subject lang="en">SUBJECT</subject><body lang="en">BODY</body></message><message seq="4" ts="1700000000500" from="2"><body>&lt;b&gt;BODY&lt;/b&gt;</body></message></messages></chat></IMGetChatResponse>"#
        let chat = IMChat(
            thread: "threadID",
            participants: [
                .init(id: "1", addr: "foo@bar.com", name: "friendly", resource: "resource"),
                .init(id: "2", addr: "me@bar.com"),
            ],
            messages: [
                .init(
                    seq: 3, timestamp: 1_700_000_000_000, from: "1",
                    content: IMMessageContent(subjects: [.init("SUBJECT", lang: "en")], body: .init("BODY", lang: "en"))
                ),
                .init(
                    seq: 4, timestamp: 1_700_000_000_500, from: "2",
                    content: IMMessageContent(body: .init("<b>BODY</b>"))),
            ])
        try expectResponse(seed, .getChat(.found(chat)))
    }

    @Test func sendMessage() throws {
        try expectRequest(
            #"<IMSendMessageRequest><message thread="threadID"><subject lang="en">SUBJECT</subject><body lang="en">BODY</body><typing/></message></IMSendMessageRequest>"#,
            .sendMessage(
                to: .thread("threadID"),
                IMMessageContent(
                    subjects: [.init("SUBJECT", lang: "en")], body: .init("BODY", lang: "en"), typing: true)))
        try expectRequest(
            #"<IMSendMessageRequest><message addr="foo@bar.com"><body>BODY</body></message></IMSendMessageRequest>"#,
            .sendMessage(to: .address("foo@bar.com"), IMMessageContent(body: .init("BODY"))))
        try expectResponse(#"<IMSendMessageResponse thread="thread id"/>"#, .sendMessage(thread: "thread id"))
    }

    /// "Send a blank message to indicate/stop typing indicator by itself".
    @Test func blankMessageStopsTyping() throws {
        let typing = try RosterWire.decodeRequest(
            #"<IMSendMessageRequest><message thread="t"><typing/></message></IMSendMessageRequest>"#)
        let blank = try RosterWire.decodeRequest(#"<IMSendMessageRequest><message thread="t"/></IMSendMessageRequest>"#)
        #expect(typing == .sendMessage(to: .thread("t"), IMMessageContent(typing: true)))
        #expect(blank == .sendMessage(to: .thread("t"), IMMessageContent()))
        guard case .sendMessage(_, let content) = blank else {
            Issue.record("not a sendMessage: \(blank)")
            return
        }
        #expect(content.isBlank)
        #expect(!IMMessageContent(typing: true).isBlank)
    }

    /// Real servers and clients sent `<body><text>…</text></body>`.
    @Test func bodyWithTextChild() throws {
        #expect(
            try RosterWire.decodeRequest(
                #"<IMSendMessageRequest><message addr="a@b"><body><text>hi</text></body></message></IMSendMessageRequest>"#
            )
                == .sendMessage(to: .address("a@b"), IMMessageContent(body: .init("hi"))))
        #expect(
            try RosterWire.decodeRequest(
                #"<IMSendMessageRequest><message thread="t"><body><text/></body></message></IMSendMessageRequest>"#)
                == .sendMessage(to: .thread("t"), IMMessageContent(body: .init(""))))
    }

    /// The reference's "SUBJECT_AS_XML": markup sent as elements is kept as markup text, not dropped.
    @Test func subjectAndBodyAsXML() throws {
        let request = try RosterWire.decodeRequest(
            #"<IMSendMessageRequest xmlns="urn:zimbraIM"><message thread="t"><subject><b>Hi</b> &amp; more</subject><body lang="en">see <a href="x?a=1&amp;b=2">this</a></body></message></IMSendMessageRequest>"#
        )
        #expect(
            request
                == .sendMessage(
                    to: .thread("t"),
                    IMMessageContent(
                        subjects: [.init("<b>Hi</b> &amp; more")],
                        body: .init(#"see <a href="x?a=1&amp;b=2">this</a>"#, lang: "en"))))
    }

    /// The reference writes the body indented over several lines; the text is kept as sent.
    @Test func indentedBodyKeepsItsText() throws {
        let request = try RosterWire.decodeRequest(
            """
            <IMSendMessageRequest>
               <message thread="threadID">
                  <body lang="en">
                     BODY
                  </body>
               </message>
            </IMSendMessageRequest>
            """)
        #expect(
            request
                == .sendMessage(
                    to: .thread("threadID"), IMMessageContent(body: .init("\n         BODY\n      ", lang: "en"))))
    }

    @Test func modifyChat() throws {
        try expectRequest(
            #"<IMModifyChatRequest thread="threadId" op="close"/>"#, .modifyChat(thread: "threadId", .close))
        // The seed's `addr="address>` misses its closing quote.
        try expectRequest(
            #"<IMModifyChatRequest thread="threadId" op="adduser" addr="address">INVITATION_MESSAGE</IMModifyChatRequest>"#,
            .modifyChat(thread: "threadId", .addUser(addr: "address", invitation: "INVITATION_MESSAGE")))
        try expectResponse(
            #"<IMModifyChatResponse thread="threadID" error="not_found"/>"#,
            .modifyChat(thread: "threadID", found: false))
        try expectResponse(#"<IMModifyChatResponse thread="threadId"/>"#, .modifyChat(thread: "threadId", found: true))
    }

    @Test func joinChat() throws {
        try expectRequest(#"<IMJoinChatRequest thread="threadId"/>"#, .joinChat(thread: "threadId", addr: nil))
        try expectRequest(
            #"<IMJoinChatRequest thread="threadId" addr="chatAddr"/>"#, .joinChat(thread: "threadId", addr: "chatAddr"))
        // The seed shows only a stray end tag `</IMJoinChatResponse>`; a bare element is what a Zimbra server sent.
        #expect(try RosterWire.decodeResponse("<IMJoinChatResponse/>") == .joinChat(thread: nil, found: true))
        try expectResponse(#"<IMJoinChatResponse thread="threadId"/>"#, .joinChat(thread: "threadId", found: true))
    }

    /// The seed leaves IMModifyWhitelist open; this is natter's design (docs/protocols/roster.md).
    @Test func modifyWhitelistAsDesigned() throws {
        try expectRequest(
            #"<IMModifyWhitelistRequest op="block" addr="foo@bar.com"/>"#,
            .modifyWhitelist(.init(.block, addr: "foo@bar.com")))
        try expectRequest(
            #"<IMModifyWhitelistRequest op="allow" addr="foo@bar.com"/>"#,
            .modifyWhitelist(.init(.allow, addr: "foo@bar.com")))
        try expectRequest("<IMModifyWhitelistRequest/>", .modifyWhitelist(nil))
        try expectResponse(
            #"<IMModifyWhitelistResponse><blocked addr="foo@bar.com"/><blocked addr="spam.test"/></IMModifyWhitelistResponse>"#,
            .modifyWhitelist(blocked: ["foo@bar.com", "spam.test"]))
    }

    @Test func gatewayList() throws {
        try expectRequest("<IMGatewayListRequest/>", .gatewayList)
        // The seed closes with `</IMGatewayListResponse/>` and leaves a stray `/> ]` inside `registration`.
        try expectResponse(
            #"<IMGatewayListResponse><service name="name" type="aim" domain="type.mydomain.com"><registration name="remoteName" state="trying_to_connect" timeUntilNextConnect="2000"/></service><service name="msn" type="msn"/></IMGatewayListResponse>"#,
            .gatewayList([
                IMGatewayService(
                    name: "name", type: "aim", domain: "type.mydomain.com",
                    registration: .init(name: "remoteName", state: .tryingToConnect, timeUntilNextConnect: 2000)),
                IMGatewayService(name: "msn", type: "msn"),
            ]))
        for state in IMGatewayService.State.allCases {
            let response = try RosterWire.decodeResponse(
                #"<IMGatewayListResponse><service name="s" type="t"><registration name="r" state="\#(state.rawValue)"/></service></IMGatewayListResponse>"#
            )
            #expect(
                response
                    == .gatewayList([
                        IMGatewayService(name: "s", type: "t", registration: .init(name: "r", state: state))
                    ]))
        }
    }

    /// The seed names the request `IMGatewayRegister` without the `Request` suffix; both spellings are read, and
    /// natter writes the suffixed one like every other request.
    @Test func gatewayRegister() throws {
        let forms: [(String, RosterRequest)] = [
            (
                #"<IMGatewayRegister op="reg" service="SERVICE_NAME" name="remoteName" password="remotePassword"/>"#,
                .gatewayRegister(service: "SERVICE_NAME", .register(name: "remoteName", password: "remotePassword"))
            ),
            (
                #"<IMGatewayRegister op="unreg" service="SERVICE_NAME"/>"#,
                .gatewayRegister(service: "SERVICE_NAME", .unregister)
            ),
            (
                #"<IMGatewayRegister op="reconnect" service="SERVICE_NAME"/>"#,
                .gatewayRegister(service: "SERVICE_NAME", .reconnect)
            ),
        ]
        for (seed, request) in forms {
            #expect(try RosterWire.decodeRequest(seed) == request)
            let suffixed = seed.replacingOccurrences(of: "<IMGatewayRegister ", with: "<IMGatewayRegisterRequest ")
            try expectRequest(suffixed, request)
        }
        // `result="0|1"`
        try expectResponse(#"<IMGatewayRegisterResponse result="1"/>"#, .gatewayRegister(success: true))
        try expectResponse(#"<IMGatewayRegisterResponse result="0"/>"#, .gatewayRegister(success: false))
    }
}
