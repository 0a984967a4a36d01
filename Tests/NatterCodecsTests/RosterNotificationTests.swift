import NatterWire
import Testing

@testable import NatterCodecs

/// The notifications of seed 000 ("IM NOTIFICATIONS"), each byte for byte in `urn:zimbra` (the namespace of the
/// context header they sit in), and round trips of every kind.
@Suite("Roster codec: notifications")
struct RosterNotificationTests {
    let z = "urn:zimbra"

    private func expectSeed(_ seed: String, _ notification: IMNotification) throws {
        #expect(try RosterWire.string(notification.element) == RosterWire.namespaced(seed, z))
        #expect(try RosterWire.decodeNotification(seed) == notification)
    }

    @Test func subscribedWithAsk() throws {
        try expectSeed(
            #"<n type="subscribed" to="TOADDR" name="NAME" groups="GROUPS" ask="subscribe"/>"#,
            .rosterItem(IMRosterItem(addr: "TOADDR", name: "NAME", groups: ["GROUPS"], ask: .subscribe)))
        try expectSeed(
            #"<n type="subscribed" to="TOADDR" name="NAME" groups="a,b"/>"#,
            .rosterItem(IMRosterItem(addr: "TOADDR", name: "NAME", groups: ["a", "b"])))
    }

    @Test func unsubscribedWithAsk() throws {
        try expectSeed(
            #"<n type="unsubscribed" to="TOADDR" groups="GROUPS" ask="unsubscribe"/>"#,
            .rosterItem(IMRosterItem(state: .unsubscribed, addr: "TOADDR", groups: ["GROUPS"], ask: .unsubscribe)))
    }

    /// The seed's example in prose: `(subscription="none" ask="subscribe")` is a request still pending.
    @Test func asynchronousRoster() throws {
        try expectSeed(
            #"<n type="roster"><n type="subscribed" to="bob@bar.com" name="Bob" groups="Friends" subscription="both"/><n type="subscribed" to="carol@bar.com" groups="" subscription="none" ask="subscribe"/><n type="unsubscribed" to="dave@bar.com" groups="" ask="unsubscribe"/></n>"#,
            .roster([
                IMRosterItem(addr: "bob@bar.com", name: "Bob", groups: ["Friends"], subscription: .both),
                IMRosterItem(addr: "carol@bar.com", subscription: IMRosterItem.Subscription.none, ask: .subscribe),
                IMRosterItem(state: .unsubscribed, addr: "dave@bar.com", ask: .unsubscribe),
            ]))
    }

    @Test func message() throws {
        try expectSeed(
            #"<n type="message" from="address" thread="chat-id" ts="1700000000000"><subject lang="en">SUBJECT</subject><body lang="en">BODY</body><typing/></n>"#,
            .message(
                from: "address", thread: "chat-id", timestamp: 1_700_000_000_000,
                content: IMMessageContent(
                    subjects: [.init("SUBJECT", lang: "en")], body: .init("BODY", lang: "en"), typing: true)))
        // The reference adds `error="recipient_unavailable"`.
        try expectSeed(
            #"<n type="message" from="address" thread="chat-id" ts="5" error="recipient_unavailable"><body>BODY</body></n>"#,
            .message(
                from: "address", thread: "chat-id", timestamp: 5, content: IMMessageContent(body: .init("BODY")),
                error: "recipient_unavailable"))
    }

    @Test func presence() throws {
        try expectSeed(
            #"<n type="presence" from="FROMADDR" lang="en" show="away" priority="7" status="STATUS"/>"#,
            .presence(from: "FROMADDR", IMPresence(show: .away, priority: 7, status: "STATUS", lang: "en")))
        try expectSeed(#"<n type="presence" from="FROMADDR"/>"#, .presence(from: "FROMADDR", IMPresence()))
    }

    @Test func subscribeEnteredLeftInvited() throws {
        try expectSeed(#"<n type="subscribe" from="FROMADDR"/>"#, .subscribe(from: "FROMADDR"))
        try expectSeed(
            #"<n type="enteredchat" thread="chat-id" addr="ADDRESS"/>"#,
            .enteredChat(thread: "chat-id", addr: "ADDRESS"))
        try expectSeed(
            #"<n type="leftchat" thread="chat-id" addr="ADDRESS"/>"#, .leftChat(thread: "chat-id", addr: "ADDRESS"))
        try expectSeed(
            #"<n type="invited" thread="chat-id" addr="ADDRESS">INVITATION_MESSAGE</n>"#,
            .invited(thread: "chat-id", addr: "ADDRESS", message: "INVITATION_MESSAGE"))
    }

    /// The seed's gwStatus has a stray `/> ]` after the optional attribute; the faithful form closes once.
    @Test func gatewayStatusAndOtherLocation() throws {
        try expectSeed(
            #"<n type="gwStatus" service="GATEWAY_SERVICE_NAME" state="trying_to_connect" timeUntilNextConnect="3000"/>"#,
            .gatewayStatus(service: "GATEWAY_SERVICE_NAME", state: .tryingToConnect, timeUntilNextConnect: 3000))
        try expectSeed(
            #"<n type="gwStatus" service="GATEWAY_SERVICE_NAME" state="bad_auth"/>"#,
            .gatewayStatus(service: "GATEWAY_SERVICE_NAME", state: .badAuth, timeUntilNextConnect: nil))
        try expectSeed(
            #"<n type="otherLocation" service="GATEWAY_SERVICE_NAME" username="REMOTE_SERVICE_USERNAME"/>"#,
            .otherLocation(service: "GATEWAY_SERVICE_NAME", username: "REMOTE_SERVICE_USERNAME"))
    }

    @Test(arguments: RosterFixtures.notifications)
    func roundTrip(_ notification: IMNotification) throws {
        let bytes = try notification.element.serialized()
        #expect(try IMNotification(parsing: XMLDocumentReader().parse(bytes)) == notification)
    }

    @Test func upperCaseShowIsAccepted() throws {
        #expect(
            try RosterWire.decodeNotification(#"<n type="presence" from="a@b" show="AWAY"/>"#)
                == .presence(from: "a@b", IMPresence(show: .away)))
    }

    /// A `<body><text>…</text></body>`, as real servers sent it, reads like a plain body.
    @Test func bodyWithTextChild() throws {
        let notification = try RosterWire.decodeNotification(
            #"<n type="message" from="a@b" thread="t" ts="1"><body lang="en"><text>hello</text></body></n>"#)
        #expect(
            notification
                == .message(
                    from: "a@b", thread: "t", timestamp: 1, content: IMMessageContent(body: .init("hello", lang: "en")))
        )
        let empty = try RosterWire.decodeNotification(
            #"<n type="message" from="a@b" thread="t" ts="1"><body><text/></body></n>"#)
        #expect(empty == .message(from: "a@b", thread: "t", timestamp: 1, content: IMMessageContent(body: .init(""))))
    }

    @Test func unknownTypeIsKeptWhole() throws {
        let seed = #"<n xmlns="urn:zimbra" type="privacy"><list name="default"/></n>"#
        let notification = try RosterWire.decodeNotification(seed)
        #expect(notification.type == "privacy")
        #expect(try RosterWire.string(notification.element) == seed)
    }

    @Test func notifyBlockCollectsEveryIMChild() throws {
        let notify = try ZimbraNotify(
            parsing: RosterWire.element(
                #"<notify xmlns="urn:zimbra" seq="9"><deleted id="1"/><im><n type="subscribe" from="a@b"/></im><im><n type="leftchat" thread="t" addr="c@d"/></im></notify>"#
            ))
        #expect(
            notify
                == ZimbraNotify(seq: 9, notifications: [.subscribe(from: "a@b"), .leftChat(thread: "t", addr: "c@d")]))
        let encoded = ZimbraNotify(seq: 3, notifications: RosterFixtures.notifications)
        #expect(try ZimbraNotify(parsing: RosterWire.element(RosterWire.string(encoded.element))) == encoded)
        #expect(
            try RosterWire.string(ZimbraNotify(seq: 4, notifications: []).element)
                == #"<notify xmlns="urn:zimbra" seq="4"/>"#)
    }
}
