import NatterWire

/// The `<context xmlns="urn:zimbra">` header of a response: the session to use and the pending notifications.
public struct ZimbraResponseContext: Sendable, Hashable {
    public var session: ZimbraSession?
    /// Blocks not yet acknowledged, oldest first.
    public var notifications: [ZimbraNotify]

    public init(session: ZimbraSession? = nil, notifications: [ZimbraNotify] = []) {
        self.session = session
        self.notifications = notifications
    }

    /// The highest `seq` carried, which is what the client acknowledges next.
    public var highestSeq: Int64? { notifications.map(\.seq).max() }

    public var element: XMLElement {
        let z = ZimbraNamespace.zimbra
        var children: [XMLNode] = []
        if let session { children.append(.element(.zimbra("session", in: z, [("id", session.id)]))) }
        children += notifications.map { .element($0.element) }
        return .zimbra("context", in: z, children: children)
    }

    /// Reads the context from a response's header blocks; `nil` when there is none.
    public init?(parsing headers: [XMLElement]) throws {
        guard let context = headers.first(where: { $0.name == "context" }) else { return nil }
        var session: ZimbraSession?
        if let element = context.rosterChild("session") {
            let text = element.text.trimmingXMLWhitespace()
            session = ZimbraSession(id: element.rosterOptionalAttribute("id") ?? (text.isEmpty ? nil : text))
        }
        self.init(
            session: session, notifications: try context.children(named: "notify").map(ZimbraNotify.init(parsing:)))
    }
}
