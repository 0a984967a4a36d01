import NatterWire

extension ContactStoreRequest {
    /// Reads a request from the SOAP body element, matching names by namespace URI so any prefix (or a default
    /// namespace) is accepted. Elements the codec does not model, such as `ExtendedProperties`, are ignored.
    ///
    /// - Throws: ``ContactStoreCodecError``: an unknown operation, a missing or invalid field, or a malformed id.
    public init(parsing body: XMLElement) throws {
        guard body.namespace == EWSNamespace.messages.uri,
            let operation = ContactStoreOperation(requestElement: body.name)
        else {
            throw ContactStoreCodecError.unknownOperation(body)
        }
        do {
            self = try Self.decode(operation, from: body)
        } catch let error as ContactStoreCodecError {
            throw error.within(operation)
        }
    }

    private static func decode(_ operation: ContactStoreOperation, from body: XMLElement) throws -> Self {
        let m = EWSNamespace.messages
        let path = operation.rawValue
        switch operation {
        case .addDistributionGroupToImList:
            return .addDistributionGroupToImList(
                smtpAddress: try body.requiredText("SmtpAddress", in: m, path: path),
                displayName: try body.requiredText("DisplayName", in: m, path: path))
        case .addImContactToGroup:
            return .addImContactToGroup(
                contactId: try body.requiredItemId("ContactId", in: m, path: path),
                groupId: try body.optionalItemId("GroupId", in: m, path: path))
        case .addImGroup:
            return .addImGroup(displayName: try body.requiredText("DisplayName", in: m, path: path))
        case .addNewImContactToGroup:
            return .addNewImContactToGroup(
                imAddress: try body.requiredText("ImAddress", in: m, path: path),
                displayName: try body.optionalNonEmptyText("DisplayName", in: m, path: path),
                groupId: try body.optionalItemId("GroupId", in: m, path: path))
        case .getImItemList:
            return .getImItemList
        case .getImItems:
            return .getImItems(
                contactIds: try body.firstChild(named: "ContactIds", namespace: m.uri)
                    .map { try $0.itemIdArray(path: path + "/ContactIds") } ?? [],
                groupIds: try body.firstChild(named: "GroupIds", namespace: m.uri)
                    .map { try $0.itemIdArray(path: path + "/GroupIds") } ?? [])
        case .removeContactFromImList:
            return .removeContactFromImList(contactId: try body.requiredItemId("ContactId", in: m, path: path))
        case .removeDistributionGroupFromImList:
            return .removeDistributionGroupFromImList(groupId: try body.requiredItemId("GroupId", in: m, path: path))
        case .removeImContactFromGroup:
            return .removeImContactFromGroup(
                contactId: try body.requiredItemId("ContactId", in: m, path: path),
                groupId: try body.requiredItemId("GroupId", in: m, path: path))
        case .removeImGroup:
            return .removeImGroup(groupId: try body.requiredItemId("GroupId", in: m, path: path))
        case .setImGroup:
            return .setImGroup(
                groupId: try body.requiredItemId("GroupId", in: m, path: path),
                newDisplayName: try body.requiredText("NewDisplayName", in: m, path: path))
        case .setImListMigrationCompleted:
            let field = try body.required("ImListMigrationCompleted", in: m, path: path)
            return .setImListMigrationCompleted(try xsBoolean(field.text, path: path + "/ImListMigrationCompleted"))
        }
    }

    /// `xs:boolean` after whitespace collapsing: `true`, `false`, `1` or `0`.
    private static func xsBoolean(_ text: String, path: String) throws -> Bool {
        switch text.trimmingXMLWhitespace() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw ContactStoreCodecError.invalidValue(path, value: text)
        }
    }
}

extension String {
    /// Drops XML whitespace (space, tab, CR, LF) at both ends, as schema whitespace collapsing does.
    func trimmingXMLWhitespace() -> String {
        let isXMLSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return String(drop(while: isXMLSpace).reversed().drop(while: isXMLSpace).reversed())
    }
}
