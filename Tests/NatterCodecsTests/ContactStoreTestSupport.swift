import Foundation
import NatterTestSupport
import NatterWire
import Testing

@testable import NatterCodecs

extension XMLElement {
    /// The tree without prefixes, declarations and whitespace-only text, so documents that differ only in
    /// layout and prefix choice compare equal.
    var normalized: XMLElement {
        XMLElement(
            name: name, namespace: namespace, prefix: nil,
            attributes: attributes.map { XMLAttribute($0.name, namespace: $0.namespace, value: $0.value) },
            namespaceDeclarations: [],
            children: children.compactMap { node in
                switch node {
                case .element(let child): .element(child.normalized)
                case .text(let text): text.allSatisfy(\.isWhitespace) ? nil : .text(text)
                }
            })
    }
}

/// A request and both kinds of response for every operation, with realistic values.
enum ContactStoreFixtures {
    static let contactId = EWSItemId(
        id: "AAMkAGQ1MjJjMTBkLTc4Y2UtNDA5Ny04ZjU5LWI3MGI0NTYwNjA0ZQBGAAAAAAA=", changeKey: "EQAAABYAAABtF8oI7iA=")
    static let otherContactId = EWSItemId(id: "AAMkAGQ1MjJjMTBkLTc4Y2UtNDA5Ny04ZjU5LWI3MGI0NTYwNjA0ZQBGAAAAAAB=")
    static let groupId = EWSItemId(
        id: "AAMkAGQ1MjJjMTBkLTc4Y2UtNDA5Ny04ZjU5LWI3MGI0NTYwNjA0ZQAuAAAAAAA=", changeKey: "EgAAAA==")

    static let group = ImGroup(
        displayName: "Friends & Family", groupType: ImGroup.userGroupType, exchangeStoreId: groupId,
        memberCorrelationKey: [contactId, otherContactId])
    static let distributionGroup = ImGroup(
        displayName: "Team", groupType: ImGroup.distributionGroupType,
        exchangeStoreId: EWSItemId(id: "AAMkAGQ1DG==", changeKey: "EgAAAB=="), smtpAddress: "team@natter.test")
    static let persona = Persona(
        personaId: contactId, personaType: "Person", displayName: "Bob <Builder>",
        emailAddress: EWSEmailAddress(name: "Bob", address: "bob@natter.test"),
        emailAddresses: [
            EWSEmailAddress(name: "Bob", address: "bob@natter.test"),
            EWSEmailAddress(address: "bob@example.org", routingType: "SMTP"),
        ],
        imAddress: "sip:bob@natter.test")
    static let list = ImItemList(
        groups: [group, distributionGroup],
        personas: [persona, Persona(personaId: otherContactId, displayName: "Carol", imAddress: "carol@example.org")])

    static let requests: [ContactStoreRequest] = [
        .addDistributionGroupToImList(smtpAddress: "team@natter.test", displayName: "Team"),
        .addImContactToGroup(contactId: contactId, groupId: groupId),
        .addImContactToGroup(contactId: contactId, groupId: nil),
        .addImGroup(displayName: "MyCustomGroup"),
        .addNewImContactToGroup(imAddress: "sip:bob@natter.test", displayName: "Bob", groupId: groupId),
        .addNewImContactToGroup(imAddress: "carol@example.org", displayName: nil, groupId: nil),
        .getImItemList,
        .getImItems(contactIds: [contactId, otherContactId], groupIds: [groupId]),
        .getImItems(contactIds: [], groupIds: [groupId]),
        .getImItems(contactIds: [contactId], groupIds: []),
        .getImItems(contactIds: [], groupIds: []),
        .removeContactFromImList(contactId: contactId),
        .removeDistributionGroupFromImList(groupId: groupId),
        .removeImContactFromGroup(contactId: contactId, groupId: groupId),
        .removeImGroup(groupId: groupId),
        .setImGroup(groupId: groupId, newDisplayName: "Renamed"),
        .setImListMigrationCompleted(true),
        .setImListMigrationCompleted(false),
    ]

    /// The success response of `operation`, with its payload when it has one.
    static func success(_ operation: ContactStoreOperation) -> ContactStoreResponse {
        switch operation.payloadKind {
        case .none: .success(operation)
        case .imGroup: .success(operation, payload: .imGroup(operation == .addImGroup ? group : distributionGroup))
        case .persona: .success(operation, payload: .persona(persona))
        case .imItemList: .success(operation, payload: .imItemList(list))
        }
    }

    /// An error response of `operation` with a code that operation can really answer.
    static func error(_ operation: ContactStoreOperation) -> ContactStoreResponse {
        let code: EWSResponseCode =
            switch operation {
            case .addDistributionGroupToImList: .errorInvalidImDistributionGroupSmtpAddress
            case .addImGroup: .errorImGroupDisplayNameAlreadyExists
            case .addNewImContactToGroup: .errorImContactLimitReached
            case .addImContactToGroup, .removeContactFromImList: .errorInvalidImContactId
            case .removeImGroup, .setImGroup, .removeDistributionGroupFromImList: .errorInvalidImGroupId
            case .removeImContactFromGroup: .errorIrresolvableConflict
            case .getImItems: .errorInvalidIdMalformed
            case .getImItemList, .setImListMigrationCompleted: .errorItemNotFound
            }
        return .error(operation, code: code, messageText: "The request failed: \(code.rawValue) <&>")
    }
}

/// Parses `bytes` and returns the envelope's body element, failing the test on the way if it is not one.
func bodyOfEnvelope(_ bytes: [UInt8]) throws -> XMLElement {
    try SOAPEnvelope.parse(bytes).body
}
