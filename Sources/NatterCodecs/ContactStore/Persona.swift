import NatterWire

/// The part of `t:PersonaType` the contact store needs: a contact of the IM list.
///
/// `PersonaType` is kept because Exchange tells people from distribution-list members with it; the many other
/// optional persona fields (phones, sort keys, attributions) carry nothing a chat roster shows and are ignored
/// on input.
public struct Persona: Sendable, Hashable {
    public var personaId: EWSItemId
    public var personaType: String?
    public var displayName: String?
    public var emailAddress: EWSEmailAddress?
    public var emailAddresses: [EWSEmailAddress]
    /// The SIP or IM address the contact is reached at (for natterd, the user's address).
    public var imAddress: String?

    public init(
        personaId: EWSItemId,
        personaType: String? = nil,
        displayName: String? = nil,
        emailAddress: EWSEmailAddress? = nil,
        emailAddresses: [EWSEmailAddress] = [],
        imAddress: String? = nil
    ) {
        self.personaId = personaId
        self.personaType = personaType
        self.displayName = displayName
        self.emailAddress = emailAddress
        self.emailAddresses = emailAddresses
        self.imAddress = imAddress
    }

    /// The persona as element `name` in `namespace`; fields in the types namespace, in schema order.
    public func element(_ name: String = "Persona", in namespace: XMLNamespace) throws -> XMLElement {
        let t = EWSNamespace.types
        let email = try emailAddress?.element("EmailAddress", in: t)
        let addresses = try emailAddresses.map { try $0.element("Address", in: t) }
        return namespace(name) {
            personaId.element("PersonaId", in: t)
            personaType.map { t("PersonaType", text: $0) }
            displayName.map { t("DisplayName", text: $0) }
            email
            if !addresses.isEmpty {
                t("EmailAddresses") { addresses }
            }
            imAddress.map { t("ImAddress", text: $0) }
        }
    }

    public init(parsing element: XMLElement, path: String = "Persona") throws {
        let t = EWSNamespace.types
        let addresses =
            element.firstChild(named: "EmailAddresses", namespace: t.uri)?
            .children(named: "Address", namespace: t.uri) ?? []
        self.init(
            personaId: try element.requiredItemId("PersonaId", in: t, path: path),
            personaType: element.optionalText("PersonaType", in: t),
            displayName: element.optionalText("DisplayName", in: t),
            emailAddress: try element.firstChild(named: "EmailAddress", namespace: t.uri)
                .map { try EWSEmailAddress(parsing: $0, path: path + "/EmailAddress") },
            emailAddresses: try addresses.map { try EWSEmailAddress(parsing: $0, path: path + "/EmailAddresses") },
            imAddress: element.optionalText("ImAddress", in: t))
    }
}
