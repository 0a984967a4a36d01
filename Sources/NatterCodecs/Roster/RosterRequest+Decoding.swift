import NatterWire

extension RosterRequest {
    /// Reads a request from the SOAP body element. The element must be in its request's namespace (or in none, as
    /// hand-written clients send it); its children are matched by local name in any namespace.
    ///
    /// - Throws: ``RosterCodecError``: an unknown request, or a missing or invalid field.
    public init(parsing body: XMLElement) throws {
        guard let kind = RosterRequestKind(requestElement: body.name),
            body.namespace == nil || body.namespace == kind.namespace.uri
        else {
            throw RosterCodecError.unknownRequest(body)
        }
        do {
            self = try Self.decode(kind, from: body)
            try validate()
        } catch let error as RosterCodecError {
            throw error.within(kind)
        }
    }

    private static func decode(_ kind: RosterRequestKind, from body: XMLElement) throws -> Self {
        let path = body.name
        switch kind {
        case .auth:
            guard let account = body.rosterChild("account") else {
                throw RosterCodecError.missingField(path + "/account")
            }
            if let by = account.rosterOptionalAttribute("by"), by != "name" {
                throw RosterCodecError.invalidValue(path + "/account@by", value: by)
            }
            guard let password = body.rosterChild("password") else {
                throw RosterCodecError.missingField(path + "/password")
            }
            return .auth(account: account.text.trimmingXMLWhitespace(), password: password.text)
        case .noOp:
            return .noOp(
                wait: try body.rosterBoolean("wait", path: path) ?? false,
                timeout: try body.rosterInteger("timeout", path: path, in: 0...Int64.max))
        case .getRoster:
            return .getRoster
        case .subscribe:
            var op = SubscribeOperation.add
            if let raw = body.rosterOptionalAttribute("op") {
                guard let value = SubscribeOperation(rawValue: raw.lowercased()) else {
                    throw RosterCodecError.invalidValue(path + "@op", value: raw)
                }
                op = value
            }
            return .subscribe(
                addr: try body.rosterAttribute("addr", path: path), op: op, name: body.rosterOptionalAttribute("name"),
                groups: body.rosterGroups())
        case .authorizeSubscribe:
            guard let authorized = try body.rosterBoolean("authorized", path: path) else {
                throw RosterCodecError.missingField(path + "@authorized")
            }
            return .authorizeSubscribe(
                addr: try body.rosterAttribute("addr", path: path), authorized: authorized,
                add: try body.rosterBoolean("add", path: path) ?? false, name: body.rosterOptionalAttribute("name"),
                groups: body.rosterGroups())
        case .setPresence:
            return .setPresence(
                try body.children(named: "presence").map { try IMPresence(parsing: $0, path: path + "/presence") })
        case .getChat:
            return .getChat(
                thread: try body.rosterAttribute("thread", path: path),
                seq: try body.rosterInteger("seq", path: path, in: 0...Int64.max),
                before: try body.rosterInteger("before", path: path, in: 1...Int64.max))
        case .sendMessage:
            guard let message = body.rosterChild("message") else {
                throw RosterCodecError.missingField(path + "/message")
            }
            let target: MessageTarget
            if let thread = message.rosterOptionalAttribute("thread") {
                target = .thread(thread)
            } else if let addr = message.rosterOptionalAttribute("addr") {
                target = .address(addr)
            } else {
                throw RosterCodecError.missingField(path + "/message@thread|addr")
            }
            return .sendMessage(to: target, IMMessageContent(parsing: message))
        case .modifyChat:
            let thread = try body.rosterAttribute("thread", path: path)
            let op = try body.rosterAttribute("op", path: path)
            switch op.lowercased() {
            case "close":
                return .modifyChat(thread: thread, .close)
            case "adduser":
                return .modifyChat(
                    thread: thread, .addUser(addr: try body.rosterAttribute("addr", path: path), invitation: body.text))
            default:
                throw RosterCodecError.invalidValue(path + "@op", value: op)
            }
        case .joinChat:
            return .joinChat(
                thread: try body.rosterAttribute("thread", path: path), addr: body.rosterOptionalAttribute("addr"))
        case .modifyWhitelist:
            guard let raw = body.rosterOptionalAttribute("op") else {
                if body.attribute("addr") != nil { throw RosterCodecError.missingField(path + "@op") }
                return .modifyWhitelist(nil)
            }
            guard let op = WhitelistChange.Operation(rawValue: raw.lowercased()) else {
                throw RosterCodecError.invalidValue(path + "@op", value: raw)
            }
            return .modifyWhitelist(WhitelistChange(op, addr: try body.rosterAttribute("addr", path: path)))
        case .gatewayList:
            return .gatewayList
        case .gatewayRegister:
            let service = try body.rosterAttribute("service", path: path)
            let op = try body.rosterAttribute("op", path: path)
            switch op.lowercased() {
            case "reg":
                return .gatewayRegister(
                    service: service,
                    .register(
                        name: try body.rosterAttribute("name", path: path),
                        password: try body.rosterAttribute("password", path: path)))
            case "unreg": return .gatewayRegister(service: service, .unregister)
            case "reconnect": return .gatewayRegister(service: service, .reconnect)
            default: throw RosterCodecError.invalidValue(path + "@op", value: op)
            }
        }
    }

    /// The rules both sides check: what a client must not send and natterd must refuse.
    func validate() throws {
        let path = elementName
        func nonEmpty(_ value: String, _ field: String) throws {
            guard !value.trimmingXMLWhitespace().isEmpty else {
                throw RosterCodecError.invalidValue(path + field, value: value).within(kind)
            }
        }
        switch self {
        case .auth(let account, _): try nonEmpty(account, "/account")
        case .subscribe(let addr, _, _, _), .authorizeSubscribe(let addr, _, _, _, _): try nonEmpty(addr, "@addr")
        case .setPresence(let presences):
            guard !presences.isEmpty else { throw RosterCodecError.missingField(path + "/presence").within(kind) }
            var languages = Set<String>()
            for presence in presences where !languages.insert(presence.lang ?? "").inserted {
                throw RosterCodecError.invalidValue(path + "/presence@lang", value: presence.lang ?? "").within(kind)
            }
        case .getChat(let thread, _, _), .joinChat(let thread, _), .modifyChat(let thread, .close):
            try nonEmpty(thread, "@thread")
        case .modifyChat(let thread, .addUser(let addr, _)):
            try nonEmpty(thread, "@thread")
            try nonEmpty(addr, "@addr")
        case .sendMessage(.thread(let thread), _): try nonEmpty(thread, "/message@thread")
        case .sendMessage(.address(let addr), _): try nonEmpty(addr, "/message@addr")
        case .modifyWhitelist(let change?): try nonEmpty(change.addr, "@addr")
        case .gatewayRegister(let service, let op):
            try nonEmpty(service, "@service")
            if case .register(let name, _) = op { try nonEmpty(name, "@name") }
        case .noOp, .getRoster, .modifyWhitelist(nil), .gatewayList: break
        }
    }
}
