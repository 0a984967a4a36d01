import NatterWire

/// The `<context xmlns="urn:zimbra">` header a client sends with every request.
public struct ZimbraRequestContext: Sendable, Hashable {
    public var authToken: String?
    public var session: ZimbraSession?
    /// `<notify seq="N"/>`: the acknowledgement Zimbra's own web client sends next to the session. natterd reads
    /// both forms; natter writes the session's `seq`, as the SOAP reference documents.
    public var notifySeq: Int64?
    /// `<userAgent name version>`, written to natterd's log.
    public var userAgent: String?

    public init(
        authToken: String? = nil, session: ZimbraSession? = nil, notifySeq: Int64? = nil, userAgent: String? = nil
    ) {
        self.authToken = authToken
        self.session = session
        self.notifySeq = notifySeq
        self.userAgent = userAgent
    }

    /// The highest notification block the client says it has processed, in either form.
    public var acknowledgedSeq: Int64? {
        switch (session?.seq, notifySeq) {
        case (let a?, let b?): max(a, b)
        case (let a, let b): a ?? b
        }
    }

    public var element: XMLElement {
        let z = ZimbraNamespace.zimbra
        var children: [XMLNode] = []
        if let authToken { children.append(.element(z("authToken", text: authToken))) }
        if let session {
            children.append(
                .element(.zimbra("session", in: z, [("id", session.id), ("seq", session.seq.map(String.init))])))
        }
        if let notifySeq { children.append(.element(.zimbra("notify", in: z, [("seq", String(notifySeq))]))) }
        if let userAgent { children.append(.element(.zimbra("userAgent", in: z, [("name", userAgent)]))) }
        return .zimbra("context", in: z, children: children)
    }

    /// Reads the context from the request's header blocks. Its children are accepted with or without the
    /// `urn:zimbra` namespace, since clients differ; no context at all gives an empty one (AuthRequest needs none).
    public init(parsing headers: [XMLElement]) throws {
        self.init()
        guard let context = headers.first(where: { $0.name == "context" }) else { return }
        if let token = context.rosterChild("authToken") {
            let text = token.text.trimmingXMLWhitespace()
            authToken = text.isEmpty ? nil : text
        }
        if let session = context.rosterChild("session") {
            // Older clients put the id in the text rather than the attribute.
            let text = session.text.trimmingXMLWhitespace()
            self.session = ZimbraSession(
                id: session.rosterOptionalAttribute("id") ?? (text.isEmpty ? nil : text),
                seq: try session.rosterInteger("seq", path: "context/session", in: 0...Int64.max))
        }
        if let notify = context.rosterChild("notify") {
            notifySeq = try notify.rosterInteger("seq", path: "context/notify", in: 0...Int64.max)
        }
        userAgent = context.rosterChild("userAgent")?.rosterOptionalAttribute("name")
    }
}
