import Foundation
import NatterCodecs

/// How the core's buddy list reads in EWS terms, and back: pure, so every mapping rule is unit-tested
/// without a server.
struct ContactStoreItems: Sendable {
    let domain: String

    static let personaType = "Person"

    func group(_ group: BuddyGroup) -> ImGroup {
        ImGroup(
            displayName: group.displayName,
            groupType: group.kind == .distribution ? ImGroup.distributionGroupType : ImGroup.userGroupType,
            exchangeStoreId: EWSItemId(id: group.id, changeKey: group.changeKey),
            memberCorrelationKey: group.memberIDs.map { EWSItemId(id: $0) },
            smtpAddress: group.distributionGroup.map { "\($0)@\(domain)" })
    }

    func persona(_ contact: BuddyContact) -> Persona {
        let imAddress: String
        var email: String?
        switch contact.target {
        case .user(let user):
            email = "\(user.name)@\(domain)"
            imAddress = "sip:\(user.name)@\(domain)"
        case .foreign(let address):
            imAddress = address
            let bare = Self.strippingSIP(address)
            if bare.contains("@"), !bare.contains(":") { email = bare }
        }
        return Persona(
            personaId: EWSItemId(id: contact.id, changeKey: contact.changeKey), personaType: Self.personaType,
            displayName: contact.displayName,
            emailAddress: email.map { EWSEmailAddress(name: contact.displayName, address: $0) },
            imAddress: imAddress)
    }

    func itemList(_ groups: [BuddyGroup], _ contacts: [BuddyContact]) -> ImItemList {
        ImItemList(groups: groups.map(group), personas: contacts.map(persona))
    }

    /// The user an IM address names when it is `[sip:]name@<this domain>`; any other address is foreign.
    func userName(in imAddress: String) -> String? {
        let bare = Self.strippingSIP(imAddress)
        guard let at = bare.lastIndex(of: "@") else { return nil }
        let local = bare[..<at]
        guard !local.isEmpty, bare[bare.index(after: at)...].lowercased() == domain.lowercased() else { return nil }
        return local.lowercased()
    }

    /// The directory group an SMTP address names: `name@<this domain>`, with an optional `smtp:` prefix.
    func distributionGroupName(in smtpAddress: String) -> String? {
        var address = Substring(smtpAddress.trimmingCharacters(in: .whitespaces))
        if address.lowercased().hasPrefix("smtp:") { address = address.dropFirst(5) }
        guard let at = address.lastIndex(of: "@"), at > address.startIndex,
            address[address.index(after: at)...].lowercased() == domain.lowercased()
        else { return nil }
        return address[..<at].lowercased()
    }

    static func reference(_ id: EWSItemId) -> BuddyItemRef { BuddyItemRef(id: id.id, changeKey: id.changeKey) }

    /// The `ResponseCode` Exchange gives for each refusal.
    static func responseCode(for error: BuddyListError) -> EWSResponseCode {
        switch error.category {
        case .groupNotFound, .contactNotFound: .errorItemNotFound
        case .duplicateGroupName: .errorImGroupDisplayNameAlreadyExists
        case .contactLimitReached: .errorImContactLimitReached
        case .staleChangeKey: .errorIrresolvableConflict
        case .unknownDistributionGroup: .errorInvalidImDistributionGroupSmtpAddress
        case .notInGroup: .errorUnableToRemoveImContactFromGroup
        case .wrongGroupKind: .errorInvalidImGroupId
        }
    }

    private static func strippingSIP(_ address: String) -> String {
        address.lowercased().hasPrefix("sip:") ? String(address.dropFirst(4)) : address
    }
}
