import NatterWire

extension IMNotification {
    /// Reads one `<n>` element (in any namespace). An unknown `type` becomes ``unrecognized(_:)``.
    ///
    /// - Throws: ``RosterCodecError`` when a known type lacks a field or has an invalid value.
    public init(parsing element: XMLElement, path: String = "notify/im/n") throws {
        let type = try element.rosterAttribute("type", path: path)
        if let state = IMRosterItem.State(rawValue: type) {
            self = .rosterItem(try IMRosterItem(parsing: element, state: state, path: path))
            return
        }
        let path = path + "[@type=\(type)]"
        switch type {
        case "roster":
            self = .roster(
                try element.children(named: "n").compactMap { child in
                    let childType = try child.rosterAttribute("type", path: path + "/n")
                    // The seed's roster may hold further entry kinds ("..."); only buddy-list entries are modelled.
                    guard let state = IMRosterItem.State(rawValue: childType) else { return nil }
                    return try IMRosterItem(parsing: child, state: state, path: path + "/n")
                })
        case "message":
            self = .message(
                from: try element.rosterAttribute("from", path: path),
                thread: try element.rosterAttribute("thread", path: path),
                timestamp: try element.rosterInteger("ts", path: path, in: 0...Int64.max) ?? 0,
                content: IMMessageContent(parsing: element), error: element.rosterOptionalAttribute("error"))
        case "presence":
            self = .presence(
                from: try element.rosterAttribute("from", path: path), try IMPresence(parsing: element, path: path))
        case "subscribe":
            self = .subscribe(from: try element.rosterAttribute("from", path: path))
        case "enteredchat":
            self = .enteredChat(
                thread: try element.rosterAttribute("thread", path: path),
                addr: try element.rosterAttribute("addr", path: path))
        case "leftchat":
            self = .leftChat(
                thread: try element.rosterAttribute("thread", path: path),
                addr: try element.rosterAttribute("addr", path: path))
        case "invited":
            self = .invited(
                thread: try element.rosterAttribute("thread", path: path),
                addr: try element.rosterAttribute("addr", path: path),
                message: element.text)
        case "gwStatus":
            self = .gatewayStatus(
                service: try element.rosterAttribute("service", path: path),
                state: try IMGatewayService.State(parsing: element, path: path),
                timeUntilNextConnect: try element.rosterInteger("timeUntilNextConnect", path: path, in: 0...Int64.max))
        case "otherLocation":
            self = .otherLocation(
                service: try element.rosterAttribute("service", path: path),
                username: try element.rosterAttribute("username", path: path))
        default:
            self = .unrecognized(element)
        }
    }
}
