import NatterWire

/// A `t:ImGroupType`: a group of the IM contact list, either the user's own or a distribution group.
///
/// `ExtendedProperties` is not modelled: natter neither sets nor reads MAPI extended properties, and the
/// decoder ignores it when a real Exchange sends it.
public struct ImGroup: Sendable, Hashable {
    /// `GroupType` of a group the user made (`AddImGroup`).
    public static let userGroupType = "IPM.DistList.MOC.UserGroup"
    /// `GroupType` of a group added by address (`AddDistributionGroupToImList`).
    public static let distributionGroupType = "IPM.DistList.MOC.DG"

    public var displayName: String
    public var groupType: String
    public var exchangeStoreId: EWSItemId?
    /// The ids of the group's members (personas), in the order the server lists them.
    public var memberCorrelationKey: [EWSItemId]
    /// The distribution group's address; absent for user groups.
    public var smtpAddress: String?

    public init(
        displayName: String,
        groupType: String = ImGroup.userGroupType,
        exchangeStoreId: EWSItemId? = nil,
        memberCorrelationKey: [EWSItemId] = [],
        smtpAddress: String? = nil
    ) {
        self.displayName = displayName
        self.groupType = groupType
        self.exchangeStoreId = exchangeStoreId
        self.memberCorrelationKey = memberCorrelationKey
        self.smtpAddress = smtpAddress
    }

    /// The group as element `name` in `namespace` (`m:ImGroup` in a response, `t:ImGroup` inside `t:Groups`);
    /// its fields are always in the types namespace.
    public func element(_ name: String = "ImGroup", in namespace: XMLNamespace) throws -> XMLElement {
        let t = EWSNamespace.types
        let displayName = try requireNonEmpty(displayName, path: name + "/DisplayName")
        let groupType = try requireNonEmpty(groupType, path: name + "/GroupType")
        return namespace(name) {
            t("DisplayName", text: displayName)
            t("GroupType", text: groupType)
            exchangeStoreId?.element("ExchangeStoreId", in: t)
            if !memberCorrelationKey.isEmpty {
                t("MemberCorrelationKey") { memberCorrelationKey.map { $0.element("ItemId", in: t) } }
            }
            smtpAddress.map { t("SmtpAddress", text: $0) }
        }
    }

    public init(parsing element: XMLElement, path: String = "ImGroup") throws {
        let t = EWSNamespace.types
        self.init(
            displayName: try element.requiredText("DisplayName", in: t, path: path),
            groupType: try element.requiredText("GroupType", in: t, path: path),
            exchangeStoreId: try element.optionalItemId("ExchangeStoreId", in: t, path: path),
            memberCorrelationKey: try element.firstChild(named: "MemberCorrelationKey", namespace: t.uri)
                .map { try $0.itemIdArray(path: path + "/MemberCorrelationKey") } ?? [],
            smtpAddress: element.optionalText("SmtpAddress", in: t))
    }
}
