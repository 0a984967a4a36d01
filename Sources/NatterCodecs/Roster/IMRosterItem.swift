import NatterWire

/// A buddy-list entry as the `subscribed`/`unsubscribed` notifications carry it, on their own or inside the
/// asynchronous `roster` notification.
public struct IMRosterItem: Sendable, Hashable {
    /// Which notification type the entry is written as.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// On my buddy list.
        case subscribed
        /// Removed from my buddy list.
        case unsubscribed
    }

    /// The XMPP subscription state the seed's example mentions (`subscription="none" ask="subscribe"`).
    public enum Subscription: String, Sendable, Hashable, CaseIterable {
        case none, to, from, both
    }

    /// A request of mine still waiting for the other side's answer.
    public enum Ask: String, Sendable, Hashable, CaseIterable {
        case subscribe, unsubscribe
    }

    public var state: State
    /// The buddy's address (`to`).
    public var addr: String
    public var name: String?
    public var groups: [String]
    public var subscription: Subscription?
    public var ask: Ask?

    public init(
        state: State = .subscribed, addr: String, name: String? = nil, groups: [String] = [],
        subscription: Subscription? = nil, ask: Ask? = nil
    ) {
        self.state = state
        self.addr = addr
        self.name = name
        self.groups = groups
        self.subscription = subscription
        self.ask = ask
    }

    var element: XMLElement {
        let attributes: [(String, String?)] = [
            ("type", state.rawValue), ("to", addr), ("name", name),
            ("groups", groups.joined(separator: ",")), ("subscription", subscription?.rawValue), ("ask", ask?.rawValue),
        ]
        return .zimbra("n", in: ZimbraNamespace.zimbra, attributes)
    }

    init(parsing element: XMLElement, state: State, path: String) throws {
        let path = path + "[@type=\(state.rawValue)]"
        var subscription: Subscription?
        if let raw = element.rosterOptionalAttribute("subscription") {
            guard let value = Subscription(rawValue: raw.lowercased()) else {
                throw RosterCodecError.invalidValue(path + "@subscription", value: raw)
            }
            subscription = value
        }
        var ask: Ask?
        if let raw = element.rosterOptionalAttribute("ask") {
            guard let value = Ask(rawValue: raw.lowercased()) else {
                throw RosterCodecError.invalidValue(path + "@ask", value: raw)
            }
            ask = value
        }
        self.init(
            state: state, addr: try element.rosterAttribute("to", path: path),
            name: element.rosterOptionalAttribute("name"), groups: element.rosterGroups(), subscription: subscription,
            ask: ask)
    }
}
