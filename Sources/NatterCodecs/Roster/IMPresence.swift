import NatterWire

/// One presence state: the `<presence>` of IMSetPresence and IMGetRoster, and the attributes of a presence
/// notification. `lang` tells several statuses of the same user apart.
public struct IMPresence: Sendable, Hashable {
    public var show: IMShow?
    /// 0–255, as in XMPP.
    public var priority: UInt8?
    public var status: String?
    public var lang: String?

    public init(show: IMShow? = nil, priority: UInt8? = nil, status: String? = nil, lang: String? = nil) {
        self.show = show
        self.priority = priority
        self.status = status
        self.lang = lang
    }

    /// The attributes in the seed's order.
    var attributes: [(String, String?)] {
        [("lang", lang), ("show", show?.rawValue), ("priority", priority.map(String.init)), ("status", status)]
    }

    func element(_ name: String = "presence", in namespace: XMLNamespace) -> XMLElement {
        .zimbra(name, in: namespace, attributes)
    }

    /// Reads the presence attributes of `element`; `path` names it in errors.
    init(parsing element: XMLElement, path: String) throws {
        var show: IMShow?
        if let raw = element.rosterOptionalAttribute("show") {
            guard let value = IMShow(wire: raw) else { throw RosterCodecError.invalidValue(path + "@show", value: raw) }
            show = value
        }
        let priority = try element.rosterInteger("priority", path: path, in: 0...255).map { UInt8($0) }
        self.init(
            show: show, priority: priority, status: element.attribute("status"),
            lang: element.rosterOptionalAttribute("lang"))
    }
}
