import NatterWire
import Testing

@testable import NatterCodecs

/// Helpers for the Roster (Zimbra IM) codec tests.
enum RosterWire {
    static func element(_ xml: String) throws -> XMLElement {
        try XMLDocumentReader().parse(xml)
    }

    static func string(_ element: XMLElement) throws -> String {
        String(decoding: try element.serialized(), as: UTF8.self)
    }

    /// A seed example with the namespace its root element carries on the wire: the seed writes bodies and
    /// notifications bare, as they appear inside their namespaced envelope and context.
    static func namespaced(_ seed: String, _ uri: String) -> String {
        let nameEnd = seed.firstIndex { $0 == " " || $0 == "/" || $0 == ">" } ?? seed.endIndex
        return String(seed[..<nameEnd]) + " xmlns=\"\(uri)\"" + String(seed[nameEnd...])
    }

    static func decodeRequest(_ xml: String) throws -> RosterRequest {
        try RosterRequest(parsing: element(xml))
    }

    static func decodeResponse(_ xml: String, expecting kind: RosterRequestKind? = nil) throws -> RosterResponse {
        try RosterResponse(parsing: element(xml), expecting: kind)
    }

    static func decodeNotification(_ xml: String) throws -> IMNotification {
        try IMNotification(parsing: element(xml))
    }

    /// A request envelope as a client other than natter might write it.
    static func envelope(context: String, body: String, soap: String = "soap") -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(soap):Envelope xmlns:\(soap)="http://www.w3.org/2003/05/soap-envelope">
              <\(soap):Header>\(context)</\(soap):Header>
              <\(soap):Body>\(body)</\(soap):Body>
            </\(soap):Envelope>
            """.utf8)
    }
}

/// The request and response every Roster test round-trips, one of each case with every field set.
enum RosterFixtures {
    static let requests: [RosterRequest] = [
        .auth(account: "alice@natter.test", password: "s3cret & <safe>"),
        .noOp(wait: true, timeout: 30_000),
        .noOp(wait: false, timeout: nil),
        .getRoster,
        .subscribe(addr: "bob@natter.test", op: .add, name: "Bob", groups: ["Friends", "Work"]),
        .subscribe(addr: "bob@natter.test", op: .remove),
        .authorizeSubscribe(addr: "bob@natter.test", authorized: true, add: true, name: "Bob", groups: ["Friends"]),
        .authorizeSubscribe(addr: "eve@natter.test", authorized: false),
        .setPresence([
            IMPresence(show: .away, priority: 255, status: "lunch", lang: "en"),
            IMPresence(show: .away, priority: 0, status: "Mittagessen", lang: "de"),
        ]),
        .setPresence([IMPresence(show: .offline)]),
        .getChat(thread: "t-42", seq: 17),
        .getChat(thread: "t-42", seq: nil),
        .getChat(thread: "m:3", seq: nil, before: 101),
        .sendMessage(
            to: .thread("t-42"),
            IMMessageContent(
                subjects: [.init("<b>hi</b>", lang: "en"), .init("salut", lang: "fr")],
                body: .init("a & b < c", lang: "en"),
                typing: true)),
        .sendMessage(to: .address("bob@natter.test"), IMMessageContent(body: .init("hello"))),
        .sendMessage(to: .thread("t-42"), IMMessageContent()),
        .modifyChat(thread: "t-42", .close),
        .modifyChat(thread: "t-42", .addUser(addr: "carol@natter.test", invitation: "Join us!")),
        .joinChat(thread: "t-42", addr: "t-42@conference.natter.test"),
        .joinChat(thread: "t-42", addr: nil),
        .modifyWhitelist(.init(.block, addr: "eve@natter.test")),
        .modifyWhitelist(.init(.allow, addr: "eve@natter.test")),
        .modifyWhitelist(nil),
        .gatewayList,
        .gatewayRegister(service: "ryver", .register(name: "alice", password: "pw\"1")),
        .gatewayRegister(service: "ryver", .unregister),
        .gatewayRegister(service: "ryver", .reconnect),
    ]

    static let chat = IMChat(
        thread: "t-42",
        participants: [
            .init(id: "1", addr: "alice@natter.test", name: "Alice", resource: "natter"),
            .init(id: "2", addr: "bob@natter.test"),
        ],
        messages: [
            .init(
                seq: 17, timestamp: 1_700_000_000_000, from: "1",
                content: IMMessageContent(body: .init("hi", lang: "en"))),
            .init(
                seq: 18, timestamp: 1_700_000_001_000, from: "2",
                content: IMMessageContent(subjects: [.init("re")], body: .init("<i>hey</i>"))),
        ])

    static let responses: [RosterResponse] = [
        .auth(authToken: "0_abc", lifetime: 172_800_000, session: "17"),
        .auth(authToken: "0_abc", lifetime: 0, session: nil),
        .noOp(waitDisallowed: false),
        .noOp(waitDisallowed: true),
        .getRoster(
            presence: IMPresence(show: .online, priority: 1, status: "here"),
            chats: [IMActiveChat(thread: "t-42", participants: ["bob@natter.test", "carol@natter.test"])]),
        .getRoster(presence: nil, chats: []),
        .subscribe(addr: "bob@natter.test"),
        .authorizeSubscribe,
        .setPresence,
        .getChat(.found(chat)),
        .getChat(.found(IMChat(thread: "empty"))),
        .getChat(.notFound(thread: "gone")),
        .sendMessage(thread: "t-43"),
        .sendMessage(thread: "m:3", seq: 12),
        .modifyChat(thread: "t-42", found: true),
        .modifyChat(thread: "gone", found: false),
        .joinChat(thread: "t-42", found: true),
        .joinChat(thread: "gone", found: false),
        .modifyWhitelist(blocked: ["eve@natter.test", "spam.test"]),
        .modifyWhitelist(blocked: []),
        .gatewayList([
            IMGatewayService(
                name: "ryver", type: "ryver", domain: "ryver.natter.test",
                registration: .init(name: "alice", state: .tryingToConnect, timeUntilNextConnect: 5000)),
            IMGatewayService(name: "other", type: "ryver"),
        ]),
        .gatewayRegister(success: true),
        .gatewayRegister(success: false),
    ]

    static let notifications: [IMNotification] = [
        .roster([
            IMRosterItem(addr: "bob@natter.test", name: "Bob", groups: ["Friends"], subscription: .both),
            IMRosterItem(
                addr: "carol@natter.test", groups: [], subscription: IMRosterItem.Subscription.none, ask: .subscribe),
            IMRosterItem(state: .unsubscribed, addr: "dave@natter.test", groups: ["Old"], ask: .unsubscribe),
        ]),
        .rosterItem(IMRosterItem(addr: "bob@natter.test", name: "Bob", groups: ["A", "B"], ask: .subscribe)),
        .rosterItem(IMRosterItem(state: .unsubscribed, addr: "bob@natter.test", groups: [])),
        .rosterItem(IMRosterItem(state: .unsubscribed, addr: "carol@natter.test", name: "Carol", groups: ["X"])),
        .message(
            from: "bob@natter.test", thread: "t-42", timestamp: 1_700_000_000_000,
            content: IMMessageContent(subjects: [.init("s", lang: "en")], body: .init("hi", lang: "en"), typing: true)),
        .message(
            from: "bob@natter.test", thread: "t-42", timestamp: 1, content: IMMessageContent(),
            error: "recipient_unavailable"),
        .presence(from: "bob@natter.test", IMPresence(show: .dnd, priority: 10, status: "busy", lang: "en")),
        .presence(from: "bob@natter.test", IMPresence()),
        .subscribe(from: "bob@natter.test"),
        .enteredChat(thread: "t-42", addr: "carol@natter.test"),
        .leftChat(thread: "t-42", addr: "carol@natter.test"),
        .invited(thread: "t-42", addr: "alice@natter.test", message: "Join us!"),
        .gatewayStatus(service: "ryver", state: .online, timeUntilNextConnect: nil),
        .gatewayStatus(service: "ryver", state: .tryingToConnect, timeUntilNextConnect: 8000),
        .otherLocation(service: "ryver", username: "alice"),
    ]
}
