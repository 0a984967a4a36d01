import NatterWire

/// The part of `t:EmailAddressType` a persona's address needs: display name, address and routing type.
public struct EWSEmailAddress: Sendable, Hashable {
    public var name: String?
    public var address: String?
    /// `SMTP` for internet mail; Exchange also uses `EX` for its own directory entries.
    public var routingType: String?

    public init(name: String? = nil, address: String?, routingType: String? = "SMTP") {
        self.name = name
        self.address = address
        self.routingType = routingType
    }

    /// Fields in schema order: `Name`, `EmailAddress`, `RoutingType`.
    public func element(_ name: String, in namespace: XMLNamespace) throws -> XMLElement {
        let t = EWSNamespace.types
        let address = try address.map { try requireNonEmpty($0, path: name + "/EmailAddress") }
        let routingType = try routingType.map { try requireNonEmpty($0, path: name + "/RoutingType") }
        return namespace(name) {
            self.name.map { t("Name", text: $0) }
            address.map { t("EmailAddress", text: $0) }
            routingType.map { t("RoutingType", text: $0) }
        }
    }

    public init(parsing element: XMLElement, path: String) throws {
        let t = EWSNamespace.types
        self.init(
            name: element.optionalText("Name", in: t),
            address: try element.optionalNonEmptyText("EmailAddress", in: t, path: path),
            routingType: try element.optionalNonEmptyText("RoutingType", in: t, path: path))
    }
}
