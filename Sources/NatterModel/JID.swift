/// A Jabber-style address: `local@domain` (bare) or `local@domain/resource` (full).
///
/// Every protocol in Natter names users with this shape (DESIGN.md, "Addresses"), so the model keeps one type
/// and the adapters translate their own spellings (SIP URIs, SMTP addresses) into it.
public struct JID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let local: String
    public let domain: String
    public let resource: String?

    public init(local: String, domain: String, resource: String? = nil) {
        self.local = local.lowercased()
        self.domain = domain.lowercased()
        self.resource = (resource?.isEmpty ?? true) ? nil : resource
    }

    /// Parses `local@domain[/resource]`. A bare `local` resolves within `defaultDomain` when one is given.
    public init?(_ text: String, defaultDomain: String? = nil) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("sip:") { rest = rest.dropFirst(4) }
        var resource: String?
        if let slash = rest.firstIndex(of: "/") {
            resource = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        let parts = rest.split(separator: "@", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where defaultDomain != nil && !parts[0].isEmpty:
            self.init(local: String(parts[0]), domain: defaultDomain!, resource: resource)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            self.init(local: String(parts[0]), domain: String(parts[1]), resource: resource)
        default:
            return nil
        }
        guard JID.isValidPart(local), JID.isValidPart(domain) else { return nil }
    }

    /// Already-bare addresses are returned as they are: the parts were lowercased when they were made, and a
    /// presence storm asks for `bare` on every event.
    public var bare: JID { resource == nil ? self : JID(local: local, domain: domain) }
    public var isBare: Bool { resource == nil }
    public var bareString: String { "\(local)@\(domain)" }

    public var description: String {
        if let resource { return "\(local)@\(domain)/\(resource)" }
        return bareString
    }

    public func with(resource: String?) -> JID { JID(local: local, domain: domain, resource: resource) }

    public static func < (lhs: JID, rhs: JID) -> Bool { lhs.description < rhs.description }

    private static func isValidPart(_ part: String) -> Bool {
        !part.isEmpty
            && part.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "@" && $0 != "/" && $0.value != 0x7F }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let jid = JID(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "bad JID \(text)"))
        }
        self = jid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
