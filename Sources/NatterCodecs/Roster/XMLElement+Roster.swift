import NatterWire

// Readers and builders shared by the Roster codec. Children are matched by local name in any namespace: Zimbra
// children inherit the default namespace of their request, and clients in the wild send them with other prefixes
// or none, which is harmless because the request element itself has already been identified.
extension XMLElement {
    /// A Zimbra element in `namespace` whose attributes with a `nil` value are left out, keeping the given order.
    static func zimbra(
        _ name: String, in namespace: XMLNamespace, _ attributes: [(String, String?)] = [],
        children: [XMLNode] = []
    ) -> XMLElement {
        XMLElement(
            name: name, namespace: namespace.uri, prefix: namespace.prefix,
            attributes: attributes.compactMap { key, value in value.map { XMLAttribute(key, value: $0) } },
            children: children)
    }

    /// A required attribute that must not be empty.
    func rosterAttribute(_ name: String, path: String) throws -> String {
        guard let value = attribute(name) else { throw RosterCodecError.missingField(path + "@" + name) }
        guard !value.trimmingXMLWhitespace().isEmpty else {
            throw RosterCodecError.invalidValue(path + "@" + name, value: value)
        }
        return value
    }

    /// An optional attribute; an empty one counts as absent, as Zimbra's own parser treats it.
    func rosterOptionalAttribute(_ name: String) -> String? {
        guard let value = attribute(name), !value.isEmpty else { return nil }
        return value
    }

    /// An optional integer attribute within `range`.
    func rosterInteger(_ name: String, path: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let raw = rosterOptionalAttribute(name) else { return nil }
        guard let value = Int64(raw.trimmingXMLWhitespace()), range.contains(value) else {
            throw RosterCodecError.invalidValue(path + "@" + name, value: raw)
        }
        return value
    }

    /// A boolean attribute as Zimbra writes them (`true`/`false`, `1`/`0`, any case).
    func rosterBoolean(_ name: String, path: String) throws -> Bool? {
        guard let raw = rosterOptionalAttribute(name) else { return nil }
        switch raw.trimmingXMLWhitespace().lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw RosterCodecError.invalidValue(path + "@" + name, value: raw)
        }
    }

    /// A comma-separated `groups` attribute; empty entries are dropped.
    func rosterGroups() -> [String] {
        guard let raw = attribute("groups") else { return [] }
        return raw.split(separator: ",").map { String($0).trimmingXMLWhitespace() }.filter { !$0.isEmpty }
    }

    func rosterChild(_ name: String) -> XMLElement? {
        firstChild(named: name)
    }
}

extension [String] {
    /// The `groups` attribute value, or `nil` for no groups so the attribute is left out.
    var rosterGroupsAttribute: String? { isEmpty ? nil : joined(separator: ",") }
}
