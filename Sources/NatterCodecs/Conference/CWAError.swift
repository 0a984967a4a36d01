import NatterWire

/// `<error rid code><reason>…</reason></error>`: why a request was refused (an offline or unknown URI, empty
/// content, an unknown session, unreadable XML).
public struct CWAError: Sendable, Hashable {
    public var rid: String?
    /// A short machine-readable kind, such as `userOffline`; Natter's addition.
    public var code: String?
    public var reason: String

    public init(rid: String?, code: String? = nil, reason: String) {
        self.rid = rid
        self.code = code
        self.reason = reason
    }

    func element(_ namespaced: Bool) -> XMLElement {
        var element = cwaElement("error", namespaced) { cwaElement("reason", namespaced, text: reason) }
        if let rid { element.attributes.append(XMLAttribute("rid", value: rid)) }
        if let code { element.attributes.append(XMLAttribute("code", value: code)) }
        return element
    }

    init(parsing element: XMLElement, path: String) throws(CWACodecError) {
        rid = element.attribute("rid")
        code = element.attribute("code")
        reason = try element.requiredCWAChild("reason", path: path).text
    }
}
