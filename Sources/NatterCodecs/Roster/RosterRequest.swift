import NatterWire

/// A request of the Zimbra IM door: the single element of the SOAP body, one case per request.
///
/// Clients build it with ``element()``; natterd reads it with ``init(parsing:)`` (in `RosterRequest+Decoding.swift`).
public enum RosterRequest: Sendable, Hashable {
    /// `AuthRequest` (urn:zimbraAccount) with `<account by="name">` and a password.
    case auth(account: String, password: String)
    /// `NoOpRequest` (urn:zimbraMail); with `wait` the server holds it until a notification is queued or
    /// `timeout` milliseconds pass.
    case noOp(wait: Bool, timeout: Int64?)
    case getRoster
    case subscribe(addr: String, op: SubscribeOperation = .add, name: String? = nil, groups: [String] = [])
    /// Answers a `subscribe` notification; `add` also puts the asker on my own list under `name` and `groups`.
    case authorizeSubscribe(
        addr: String, authorized: Bool, add: Bool = false, name: String? = nil, groups: [String] = [])
    /// One or more presences, each with a different `lang`.
    case setPresence([IMPresence])
    /// History from `seq` on (from the start without it); with natter's `before`, the newest page of messages
    /// numbered below it, so a client pages backwards from the end (docs/protocols/roster.md).
    case getChat(thread: String, seq: Int64?, before: Int64? = nil)
    case sendMessage(to: MessageTarget, IMMessageContent)
    case modifyChat(thread: String, ModifyChatOperation)
    case joinChat(thread: String, addr: String?)
    /// natter's IMModifyWhitelist (the seed leaves it open): block or allow one address, or only ask for the
    /// blocked list when `change` is `nil`. See docs/protocols/roster.md.
    case modifyWhitelist(WhitelistChange?)
    case gatewayList
    case gatewayRegister(service: String, GatewayOperation)

    public enum SubscribeOperation: String, Sendable, Hashable, CaseIterable {
        case add, remove
    }

    /// Where IMSendMessage goes: an existing thread, or a new chat with an address.
    public enum MessageTarget: Sendable, Hashable {
        case thread(String)
        case address(String)
    }

    public enum ModifyChatOperation: Sendable, Hashable {
        /// Leave the chat; the other participants get `leftchat`.
        case close
        /// Invite `addr` with an invitation text.
        case addUser(addr: String, invitation: String)
    }

    public struct WhitelistChange: Sendable, Hashable {
        public enum Operation: String, Sendable, Hashable, CaseIterable {
            case block, allow
        }

        public var op: Operation
        public var addr: String

        public init(_ op: Operation, addr: String) {
            self.op = op
            self.addr = addr
        }
    }

    public enum GatewayOperation: Sendable, Hashable {
        case register(name: String, password: String)
        case unregister
        /// Try at once, re-enabling a `disabled` registration.
        case reconnect

        var wireName: String {
            switch self {
            case .register: "reg"
            case .unregister: "unreg"
            case .reconnect: "reconnect"
            }
        }
    }

    /// The request element's local name (the request name plus `Request`).
    public var elementName: String { kind.rawValue + "Request" }

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

    /// The body element, each in its own namespace as the default namespace.
    ///
    /// - Throws: ``RosterCodecError`` for a request natterd would refuse (no presence, two presences with the same
    ///   `lang`, an empty address), so it is caught before it is sent.
    public func element() throws -> XMLElement {
        try validate()
        let ns = kind.namespace
        let name = elementName
        switch self {
        case .auth(let account, let password):
            return .zimbra(
                name, in: ns,
                children: [
                    .element(.zimbra("account", in: ns, [("by", "name")], children: account.xmlNodes)),
                    .element(.zimbra("password", in: ns, children: password.xmlNodes)),
                ])
        case .noOp(let wait, let timeout):
            return .zimbra(name, in: ns, [("wait", wait ? "1" : nil), ("timeout", timeout.map(String.init))])
        case .getRoster, .gatewayList:
            return .zimbra(name, in: ns)
        case .subscribe(let addr, let op, let displayName, let groups):
            return .zimbra(
                name, in: ns,
                [("addr", addr), ("name", displayName), ("groups", groups.rosterGroupsAttribute), ("op", op.rawValue)])
        case .authorizeSubscribe(let addr, let authorized, let add, let displayName, let groups):
            return .zimbra(
                name, in: ns,
                [
                    ("addr", addr), ("authorized", String(authorized)), ("add", add ? "true" : nil),
                    ("name", displayName), ("groups", groups.rosterGroupsAttribute),
                ])
        case .setPresence(let presences):
            return .zimbra(name, in: ns, children: presences.map { .element($0.element(in: ns)) })
        case .getChat(let thread, let seq, let before):
            return .zimbra(
                name, in: ns, [("thread", thread), ("seq", seq.map(String.init)), ("before", before.map(String.init))])
        case .sendMessage(let target, let content):
            let targetAttribute: (String, String?) =
                switch target {
                case .thread(let thread): ("thread", thread)
                case .address(let addr): ("addr", addr)
                }
            let message = XMLElement.zimbra("message", in: ns, [targetAttribute], children: content.children(in: ns))
            return .zimbra(name, in: ns, children: [.element(message)])
        case .modifyChat(let thread, .close):
            return .zimbra(name, in: ns, [("thread", thread), ("op", "close")])
        case .modifyChat(let thread, .addUser(let addr, let invitation)):
            return .zimbra(
                name, in: ns, [("thread", thread), ("op", "adduser"), ("addr", addr)], children: invitation.xmlNodes)
        case .joinChat(let thread, let addr):
            return .zimbra(name, in: ns, [("thread", thread), ("addr", addr)])
        case .modifyWhitelist(let change):
            return .zimbra(name, in: ns, [("op", change?.op.rawValue), ("addr", change?.addr)])
        case .gatewayRegister(let service, let op):
            var attributes: [(String, String?)] = [("op", op.wireName), ("service", service)]
            if case .register(let remoteName, let password) = op {
                attributes += [("name", remoteName), ("password", password)]
            }
            return .zimbra(name, in: ns, attributes)
        }
    }
}
