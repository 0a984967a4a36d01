import NatterWire

/// A `t:ImItemListType`: the groups and the personas of an IM contact list (or the requested part of it).
public struct ImItemList: Sendable, Hashable {
    public var groups: [ImGroup]
    public var personas: [Persona]

    public init(groups: [ImGroup] = [], personas: [Persona] = []) {
        self.groups = groups
        self.personas = personas
    }

    /// Both arrays are written even when empty: the schema allows empty `Groups`/`Personas`, and an explicit
    /// empty list tells a client "none" rather than "not reported".
    public func element(_ name: String = "ImItemList", in namespace: XMLNamespace) throws -> XMLElement {
        let t = EWSNamespace.types
        let groups = try groups.map { try $0.element("ImGroup", in: t) }
        let personas = try personas.map { try $0.element("Persona", in: t) }
        return namespace(name) {
            t("Groups") { groups }
            t("Personas") { personas }
        }
    }

    public init(parsing element: XMLElement, path: String = "ImItemList") throws {
        let t = EWSNamespace.types
        let groups = element.firstChild(named: "Groups", namespace: t.uri)?.children(named: "ImGroup", namespace: t.uri)
        let personas = element.firstChild(named: "Personas", namespace: t.uri)?
            .children(named: "Persona", namespace: t.uri)
        self.init(
            groups: try (groups ?? []).map { try ImGroup(parsing: $0, path: path + "/Groups/ImGroup") },
            personas: try (personas ?? []).map { try Persona(parsing: $0, path: path + "/Personas/Persona") })
    }
}
