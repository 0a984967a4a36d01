import NatterWire

/// The requests of the Zimbra IM door by name, without their values; it pairs a response with its request.
public enum RosterRequestKind: String, Sendable, Hashable, CaseIterable {
    case auth = "Auth"
    case noOp = "NoOp"
    case getRoster = "IMGetRoster"
    case subscribe = "IMSubscribe"
    case authorizeSubscribe = "IMAuthorizeSubscribe"
    case setPresence = "IMSetPresence"
    case getChat = "IMGetChat"
    case sendMessage = "IMSendMessage"
    case modifyChat = "IMModifyChat"
    case joinChat = "IMJoinChat"
    case modifyWhitelist = "IMModifyWhitelist"
    case gatewayList = "IMGatewayList"
    case gatewayRegister = "IMGatewayRegister"

    public var namespace: XMLNamespace {
        switch self {
        case .auth: ZimbraNamespace.account
        case .noOp: ZimbraNamespace.mail
        default: ZimbraNamespace.im
        }
    }

    public var requestElementName: String { rawValue + "Request" }
    public var responseElementName: String { rawValue + "Response" }

    /// The kind a request element names. Seed 000 writes the gateway registration without the `Request` suffix,
    /// so both spellings are accepted for it.
    init?(requestElement name: String) {
        if name == Self.gatewayRegister.rawValue {
            self = .gatewayRegister
            return
        }
        guard name.hasSuffix("Request"), let kind = Self(rawValue: String(name.dropLast("Request".count))) else {
            return nil
        }
        self = kind
    }

    init?(responseElement name: String) {
        guard name.hasSuffix("Response"), let kind = Self(rawValue: String(name.dropLast("Response".count))) else {
            return nil
        }
        self = kind
    }
}
