import NatterWire

/// A gateway to another IM service, as IMGatewayList lists it.
public struct IMGatewayService: Sendable, Hashable {
    /// The connection states of seed 000; every transition is sent as a `gwStatus` notification.
    public enum State: String, Sendable, Hashable, CaseIterable {
        case start
        case tryingToConnect = "trying_to_connect"
        case online
        /// The remote refused the credentials; no retries.
        case badAuth = "bad_auth"
        /// The local user's presence is offline, so the bridge is down on purpose.
        case intentionallyOffline = "intentionally_offline"
        /// The remote refused the account; only `reconnect` re-enables it.
        case disabled
        case shutdown
    }

    /// The user's account on the remote service.
    public struct Registration: Sendable, Hashable {
        public var name: String
        public var state: State
        /// Milliseconds until the next connection attempt, while backing off.
        public var timeUntilNextConnect: Int64?

        public init(name: String, state: State, timeUntilNextConnect: Int64? = nil) {
            self.name = name
            self.state = state
            self.timeUntilNextConnect = timeUntilNextConnect
        }
    }

    public var name: String
    /// The seed's `aim|msn|yahoo|icq`; natterd's bridges name their own kind, so this stays open.
    public var type: String
    public var domain: String?
    public var registration: Registration?

    public init(name: String, type: String, domain: String? = nil, registration: Registration? = nil) {
        self.name = name
        self.type = type
        self.domain = domain
        self.registration = registration
    }

    var element: XMLElement {
        let im = ZimbraNamespace.im
        let registration = registration.map {
            XMLNode.element(
                .zimbra(
                    "registration", in: im,
                    [
                        ("name", $0.name), ("state", $0.state.rawValue),
                        ("timeUntilNextConnect", $0.timeUntilNextConnect.map(String.init)),
                    ]))
        }
        return .zimbra(
            "service", in: im, [("name", name), ("type", type), ("domain", domain)],
            children: registration.map { [$0] } ?? [])
    }

    init(parsing element: XMLElement, path: String) throws {
        let path = path + "/service"
        var registration: Registration?
        if let child = element.rosterChild("registration") {
            let childPath = path + "/registration"
            registration = Registration(
                name: try child.rosterAttribute("name", path: childPath),
                state: try State(parsing: child, path: childPath),
                timeUntilNextConnect: try child.rosterInteger(
                    "timeUntilNextConnect", path: childPath, in: 0...Int64.max))
        }
        self.init(
            name: try element.rosterAttribute("name", path: path),
            type: try element.rosterAttribute("type", path: path),
            domain: element.rosterOptionalAttribute("domain"), registration: registration)
    }
}

extension IMGatewayService.State {
    init(parsing element: XMLElement, path: String) throws {
        let raw = try element.rosterAttribute("state", path: path)
        guard let state = Self(rawValue: raw.trimmingXMLWhitespace().lowercased()) else {
            throw RosterCodecError.invalidValue(path + "@state", value: raw)
        }
        self = state
    }
}
