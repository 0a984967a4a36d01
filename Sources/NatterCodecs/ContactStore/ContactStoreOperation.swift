/// The twelve operations of the Unified Contact Store ([MS-OXWSCOS] 3.1.4); the raw value is the request
/// element's local name in the messages namespace.
public enum ContactStoreOperation: String, Sendable, Hashable, CaseIterable {
    case addDistributionGroupToImList = "AddDistributionGroupToImList"
    case addImContactToGroup = "AddImContactToGroup"
    case addImGroup = "AddImGroup"
    case addNewImContactToGroup = "AddNewImContactToGroup"
    case getImItemList = "GetImItemList"
    case getImItems = "GetImItems"
    case removeContactFromImList = "RemoveContactFromImList"
    case removeDistributionGroupFromImList = "RemoveDistributionGroupFromImList"
    case removeImContactFromGroup = "RemoveImContactFromGroup"
    case removeImGroup = "RemoveImGroup"
    case setImGroup = "SetImGroup"
    case setImListMigrationCompleted = "SetImListMigrationCompleted"

    /// The value of the quoted `SOAPAction` HTTP header; natterd does not require it, as Exchange does not.
    public var soapAction: String { EWSNamespace.messages.uri + "/" + rawValue }

    /// The response element's local name, also in the messages namespace.
    public var responseElementName: String { rawValue + "Response" }

    /// What the success response carries besides its code.
    public var payloadKind: ContactStoreResponse.PayloadKind {
        switch self {
        case .addImGroup, .addDistributionGroupToImList: .imGroup
        case .addNewImContactToGroup: .persona
        case .getImItemList, .getImItems: .imItemList
        default: .none
        }
    }

    /// The operation whose request element is `name`, matched exactly as the schema spells it.
    public init?(requestElement name: String) {
        self.init(rawValue: name)
    }

    /// The operation whose response element is `name`.
    public init?(responseElement name: String) {
        guard name.hasSuffix("Response") else { return nil }
        self.init(rawValue: String(name.dropLast("Response".count)))
    }
}
