import NatterWire

/// The answer to a ``RosterRequest``: the body element natterd sends back, one case per request.
public enum RosterResponse: Sendable, Hashable {
    /// `lifetime` in milliseconds; `session` is the session id to put in later contexts.
    case auth(authToken: String, lifetime: Int64, session: String?)
    /// `waitDisallowed`: the server refuses blocking NoOps now, and the client stops sending them.
    case noOp(waitDisallowed: Bool)
    /// My presence and my active chats; the roster itself follows as a `roster` notification.
    case getRoster(presence: IMPresence?, chats: [IMActiveChat])
    /// The canonical address, which may differ from the one asked for.
    case subscribe(addr: String)
    case authorizeSubscribe
    case setPresence
    case getChat(GetChatResult)
    /// `seq` is natter's addition: the message's place in a multi-user thread, so the sender can tell it
    /// apart in the thread's history.
    case sendMessage(thread: String, seq: Int64? = nil)
    /// `found` is false for the seed's `error="not_found"`.
    case modifyChat(thread: String, found: Bool)
    /// The seed's answer is a bare element; natterd names the thread, and `found` is false for an unknown one.
    case joinChat(thread: String?, found: Bool)
    /// The blocked addresses after the change.
    case modifyWhitelist(blocked: [String])
    case gatewayList([IMGatewayService])
    /// The seed's `result="0|1"`.
    case gatewayRegister(success: Bool)

    public enum GetChatResult: Sendable, Hashable {
        case found(IMChat)
        /// The thread is unknown (`error="not_found"`).
        case notFound(thread: String)
    }

    public var kind: RosterRequestKind {
        switch self {
        case .auth: .auth
        case .noOp: .noOp
        case .getRoster: .getRoster
        case .subscribe: .subscribe
        case .authorizeSubscribe: .authorizeSubscribe
        case .setPresence: .setPresence
        case .getChat: .getChat
        case .sendMessage: .sendMessage
        case .modifyChat: .modifyChat
        case .joinChat: .joinChat
        case .modifyWhitelist: .modifyWhitelist
        case .gatewayList: .gatewayList
        case .gatewayRegister: .gatewayRegister
        }
    }

    public func element() -> XMLElement {
        let ns = kind.namespace
        let name = kind.responseElementName
        let notFound: (Bool) -> String? = { $0 ? nil : "not_found" }
        switch self {
        case .auth(let authToken, let lifetime, let session):
            var children: [XMLNode] = [
                .element(ns("authToken", text: authToken)), .element(ns("lifetime", text: String(lifetime))),
            ]
            if let session {
                children.append(.element(.zimbra("session", in: ns, [("id", session)], children: session.xmlNodes)))
            }
            return .zimbra(name, in: ns, children: children)
        case .noOp(let waitDisallowed):
            return .zimbra(name, in: ns, [("waitDisallowed", waitDisallowed ? "1" : nil)])
        case .getRoster(let presence, let chats):
            var children: [XMLNode] = presence.map { [.element($0.element(in: ns))] } ?? []
            let chatElements = chats.map { chat in
                XMLNode.element(
                    .zimbra(
                        "chat", in: ns, [("thread", chat.thread)],
                        children: [
                            .element(
                                .zimbra(
                                    "pcps", in: ns,
                                    children: chat.participants.map { .element(.zimbra("p", in: ns, [("addr", $0)])) }))
                        ]))
            }
            children.append(.element(.zimbra("chats", in: ns, children: chatElements)))
            return .zimbra(name, in: ns, children: children)
        case .subscribe(let addr):
            return .zimbra(name, in: ns, [("addr", addr)])
        case .authorizeSubscribe, .setPresence:
            return .zimbra(name, in: ns)
        case .getChat(.found(let chat)):
            return .zimbra(name, in: ns, children: [.element(chat.element)])
        case .getChat(.notFound(let thread)):
            return .zimbra(name, in: ns, [("thread", thread), ("error", "not_found")])
        case .sendMessage(let thread, let seq):
            return .zimbra(name, in: ns, [("thread", thread), ("seq", seq.map(String.init))])
        case .modifyChat(let thread, let found):
            return .zimbra(name, in: ns, [("thread", thread), ("error", notFound(found))])
        case .joinChat(let thread, let found):
            return .zimbra(name, in: ns, [("thread", thread), ("error", notFound(found))])
        case .modifyWhitelist(let blocked):
            return .zimbra(name, in: ns, children: blocked.map { .element(.zimbra("blocked", in: ns, [("addr", $0)])) })
        case .gatewayList(let services):
            return .zimbra(name, in: ns, children: services.map { .element($0.element) })
        case .gatewayRegister(let success):
            return .zimbra(name, in: ns, [("result", success ? "1" : "0")])
        }
    }
}
