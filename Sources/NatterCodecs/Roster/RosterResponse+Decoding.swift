import NatterWire

extension RosterResponse {
    /// Reads a response body element; with `expected`, anything but that request's response is refused.
    ///
    /// - Throws: ``RosterCodecError`` for another response than expected, or a missing or invalid field.
    public init(parsing body: XMLElement, expecting expected: RosterRequestKind? = nil) throws {
        guard let kind = RosterRequestKind(responseElement: body.name),
            body.namespace == nil || body.namespace == kind.namespace.uri, expected == nil || expected == kind
        else {
            throw RosterCodecError.unexpectedResponse(expected: expected, found: body)
        }
        do {
            self = try Self.decode(kind, from: body)
        } catch let error as RosterCodecError {
            throw error.within(kind)
        }
    }

    private static func decode(_ kind: RosterRequestKind, from body: XMLElement) throws -> Self {
        let path = body.name
        let found = body.rosterOptionalAttribute("error") == nil
        switch kind {
        case .auth:
            guard let token = body.rosterChild("authToken") else {
                throw RosterCodecError.missingField(path + "/authToken")
            }
            guard let lifetimeElement = body.rosterChild("lifetime") else {
                throw RosterCodecError.missingField(path + "/lifetime")
            }
            guard let lifetime = Int64(lifetimeElement.text.trimmingXMLWhitespace()), lifetime >= 0 else {
                throw RosterCodecError.invalidValue(path + "/lifetime", value: lifetimeElement.text)
            }
            let session = body.rosterChild("session").flatMap { element -> String? in
                let text = element.text.trimmingXMLWhitespace()
                return element.rosterOptionalAttribute("id") ?? (text.isEmpty ? nil : text)
            }
            return .auth(authToken: token.text.trimmingXMLWhitespace(), lifetime: lifetime, session: session)
        case .noOp:
            return .noOp(waitDisallowed: try body.rosterBoolean("waitDisallowed", path: path) ?? false)
        case .getRoster:
            let presence = try body.rosterChild("presence").map {
                try IMPresence(parsing: $0, path: path + "/presence")
            }
            let chats = try (body.rosterChild("chats")?.children(named: "chat") ?? []).map { chat in
                IMActiveChat(
                    thread: try chat.rosterAttribute("thread", path: path + "/chats/chat"),
                    participants: try (chat.rosterChild("pcps")?.children(named: "p") ?? []).map {
                        try $0.rosterAttribute("addr", path: path + "/chats/chat/pcps/p")
                    })
            }
            return .getRoster(presence: presence, chats: chats)
        case .subscribe:
            return .subscribe(addr: try body.rosterAttribute("addr", path: path))
        case .authorizeSubscribe:
            return .authorizeSubscribe
        case .setPresence:
            return .setPresence
        case .getChat:
            if !found { return .getChat(.notFound(thread: try body.rosterAttribute("thread", path: path))) }
            guard let chat = body.rosterChild("chat") else { throw RosterCodecError.missingField(path + "/chat") }
            return .getChat(.found(try IMChat(parsing: chat, path: path)))
        case .sendMessage:
            return .sendMessage(
                thread: try body.rosterAttribute("thread", path: path),
                seq: try body.rosterInteger("seq", path: path, in: 1...Int64.max))
        case .modifyChat:
            return .modifyChat(thread: try body.rosterAttribute("thread", path: path), found: found)
        case .joinChat:
            return .joinChat(thread: body.rosterOptionalAttribute("thread"), found: found)
        case .modifyWhitelist:
            return .modifyWhitelist(
                blocked: try body.children(named: "blocked").map {
                    try $0.rosterAttribute("addr", path: path + "/blocked")
                })
        case .gatewayList:
            return .gatewayList(
                try body.children(named: "service").map { try IMGatewayService(parsing: $0, path: path) })
        case .gatewayRegister:
            guard let success = try body.rosterBoolean("result", path: path) else {
                throw RosterCodecError.missingField(path + "@result")
            }
            return .gatewayRegister(success: success)
        }
    }
}
