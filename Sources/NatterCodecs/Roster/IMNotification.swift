import NatterWire

/// One `<n type=…>` of the `<im>` block in a response's `<notify>` (seed 000, "IM NOTIFICATIONS").
public enum IMNotification: Sendable, Hashable {
    /// The asynchronous answer to IMGetRoster: the whole buddy list.
    case roster([IMRosterItem])
    /// A `subscribed` or `unsubscribed` change of one buddy-list entry (``IMRosterItem/state``).
    case rosterItem(IMRosterItem)
    /// A message, a typing indicator or a blank message; `error` is set when it could not be delivered
    /// (`recipient_unavailable`).
    case message(from: String, thread: String, timestamp: Int64, content: IMMessageContent, error: String? = nil)
    case presence(from: String, IMPresence)
    /// `from` asks to add me to their buddy list; answered with IMAuthorizeSubscribe.
    case subscribe(from: String)
    case enteredChat(thread: String, addr: String)
    case leftChat(thread: String, addr: String)
    case invited(thread: String, addr: String, message: String)
    case gatewayStatus(service: String, state: IMGatewayService.State, timeUntilNextConnect: Int64?)
    case otherLocation(service: String, username: String)
    /// A type this codec does not know, kept whole so a newer server's notification is not lost.
    case unrecognized(XMLElement)

    /// The `type` attribute.
    public var type: String {
        switch self {
        case .roster: "roster"
        case .rosterItem(let item): item.state.rawValue
        case .message: "message"
        case .presence: "presence"
        case .subscribe: "subscribe"
        case .enteredChat: "enteredchat"
        case .leftChat: "leftchat"
        case .invited: "invited"
        case .gatewayStatus: "gwStatus"
        case .otherLocation: "otherLocation"
        case .unrecognized(let element): element.attribute("type") ?? ""
        }
    }

    /// The `<n>` element, in `urn:zimbra` like the rest of the context header.
    public var element: XMLElement {
        let z = ZimbraNamespace.zimbra
        switch self {
        case .roster(let items):
            return .zimbra("n", in: z, [("type", type)], children: items.map { .element($0.element) })
        case .rosterItem(let item):
            return item.element
        case .message(let from, let thread, let timestamp, let content, let error):
            return .zimbra(
                "n", in: z,
                [("type", type), ("from", from), ("thread", thread), ("ts", String(timestamp)), ("error", error)],
                children: content.children(in: z))
        case .presence(let from, let presence):
            return .zimbra("n", in: z, [("type", type), ("from", from)] + presence.attributes)
        case .subscribe(let from):
            return .zimbra("n", in: z, [("type", type), ("from", from)])
        case .enteredChat(let thread, let addr), .leftChat(let thread, let addr):
            return .zimbra("n", in: z, [("type", type), ("thread", thread), ("addr", addr)])
        case .invited(let thread, let addr, let message):
            return .zimbra(
                "n", in: z, [("type", type), ("thread", thread), ("addr", addr)], children: message.xmlNodes)
        case .gatewayStatus(let service, let state, let timeUntilNextConnect):
            return .zimbra(
                "n", in: z,
                [
                    ("type", type), ("service", service), ("state", state.rawValue),
                    ("timeUntilNextConnect", timeUntilNextConnect.map(String.init)),
                ])
        case .otherLocation(let service, let username):
            return .zimbra("n", in: z, [("type", type), ("service", service), ("username", username)])
        case .unrecognized(let element):
            return element
        }
    }
}
