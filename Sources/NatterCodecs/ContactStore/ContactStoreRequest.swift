import NatterWire

/// A Unified Contact Store request: the single element of the SOAP body, one case per operation.
///
/// Clients build it with ``element()``; natterd reads it with ``init(parsing:)`` (in
/// `ContactStoreRequest+Decoding.swift`), which dispatches on the body element as Exchange does.
public enum ContactStoreRequest: Sendable, Hashable {
    /// Adds the distribution group at `smtpAddress` to the list under `displayName`.
    case addDistributionGroupToImList(smtpAddress: String, displayName: String)
    /// Adds an existing contact to a group; without a group, to the default "Other Contacts".
    case addImContactToGroup(contactId: EWSItemId, groupId: EWSItemId?)
    case addImGroup(displayName: String)
    /// Creates a contact for `imAddress` and adds it to a group (by default "Other Contacts").
    case addNewImContactToGroup(imAddress: String, displayName: String?, groupId: EWSItemId?)
    case getImItemList
    /// Fetches the given contacts and groups; either list may be empty, as both elements are optional.
    case getImItems(contactIds: [EWSItemId], groupIds: [EWSItemId])
    /// Removes the contact from every group and from the list.
    case removeContactFromImList(contactId: EWSItemId)
    case removeDistributionGroupFromImList(groupId: EWSItemId)
    case removeImContactFromGroup(contactId: EWSItemId, groupId: EWSItemId)
    case removeImGroup(groupId: EWSItemId)
    /// Renames a group.
    case setImGroup(groupId: EWSItemId, newDisplayName: String)
    case setImListMigrationCompleted(Bool)

    public var operation: ContactStoreOperation {
        switch self {
        case .addDistributionGroupToImList: .addDistributionGroupToImList
        case .addImContactToGroup: .addImContactToGroup
        case .addImGroup: .addImGroup
        case .addNewImContactToGroup: .addNewImContactToGroup
        case .getImItemList: .getImItemList
        case .getImItems: .getImItems
        case .removeContactFromImList: .removeContactFromImList
        case .removeDistributionGroupFromImList: .removeDistributionGroupFromImList
        case .removeImContactFromGroup: .removeImContactFromGroup
        case .removeImGroup: .removeImGroup
        case .setImGroup: .setImGroup
        case .setImListMigrationCompleted: .setImListMigrationCompleted
        }
    }

    /// The SOAP 1.1 body element, with its fields in schema order.
    ///
    /// - Throws: ``ContactStoreCodecError`` for a value the schema forbids (an empty display name or address),
    ///   so an invalid request is caught before it is sent.
    public func element() throws -> XMLElement {
        let m = EWSNamespace.messages
        let name = operation.rawValue
        let fields: [XMLElement]
        do {
            fields = try self.fields(path: name)
        } catch let error as ContactStoreCodecError {
            throw error.within(operation)
        }
        return m(name) { fields }.declaringEWSNamespaces()
    }

    private func fields(path: String) throws -> [XMLElement] {
        let m = EWSNamespace.messages
        let t = EWSNamespace.types
        switch self {
        case .addDistributionGroupToImList(let smtpAddress, let displayName):
            return [
                m("SmtpAddress", text: try requireNonEmpty(smtpAddress, path: path + "/SmtpAddress")),
                m("DisplayName", text: try requireNonEmpty(displayName, path: path + "/DisplayName")),
            ]
        case .addImContactToGroup(let contactId, let groupId):
            return [contactId.element("ContactId", in: m)] + [groupId?.element("GroupId", in: m)].compactMap { $0 }
        case .addImGroup(let displayName):
            return [m("DisplayName", text: try requireNonEmpty(displayName, path: path + "/DisplayName"))]
        case .addNewImContactToGroup(let imAddress, let displayName, let groupId):
            var fields = [m("ImAddress", text: try requireNonEmpty(imAddress, path: path + "/ImAddress"))]
            if let displayName {
                fields.append(m("DisplayName", text: try requireNonEmpty(displayName, path: path + "/DisplayName")))
            }
            if let groupId { fields.append(groupId.element("GroupId", in: m)) }
            return fields
        case .getImItemList:
            return []
        case .getImItems(let contactIds, let groupIds):
            var fields: [XMLElement] = []
            if !contactIds.isEmpty { fields.append(m("ContactIds") { contactIds.map { $0.element("ItemId", in: t) } }) }
            if !groupIds.isEmpty { fields.append(m("GroupIds") { groupIds.map { $0.element("ItemId", in: t) } }) }
            return fields
        case .removeContactFromImList(let contactId):
            return [contactId.element("ContactId", in: m)]
        case .removeDistributionGroupFromImList(let groupId), .removeImGroup(let groupId):
            return [groupId.element("GroupId", in: m)]
        case .removeImContactFromGroup(let contactId, let groupId):
            return [contactId.element("ContactId", in: m), groupId.element("GroupId", in: m)]
        case .setImGroup(let groupId, let newDisplayName):
            return [
                groupId.element("GroupId", in: m),
                m("NewDisplayName", text: try requireNonEmpty(newDisplayName, path: path + "/NewDisplayName")),
            ]
        case .setImListMigrationCompleted(let completed):
            return [m("ImListMigrationCompleted", text: completed ? "true" : "false")]
        }
    }
}
