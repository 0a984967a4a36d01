import Foundation
import NatterCodecs
import NatterModel
import Testing

/// The contact store door of a real natterd process, over real HTTP: every rule of MS-OXWSCOS as natterd
/// applies it, with each response validated against the EWS schema (`EWSTestClient.call`).
@Suite struct ContactStoreIntegrationTests {
    private static let arguments = ["--no-demo-peer", "--bcrypt-cost", "4"]

    private func group(named name: String, in list: ImItemList) throws -> ImGroup {
        try #require(
            list.groups.first { $0.displayName == name }, "no group \(name) in \(list.groups.map(\.displayName))")
    }

    @Test func groupsRenameDuplicatesAndChangeKeys() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let alice = EWSTestClient(server: server, user: "alice")
        let work = try alice.addGroup("Work")
        #expect(work.groupType == ImGroup.userGroupType)
        let workID = try #require(work.exchangeStoreId)
        #expect(Data(base64Encoded: workID.id) != nil && workID.changeKey != nil)
        #expect(try alice.failure(.addImGroup(displayName: "work")) == .errorImGroupDisplayNameAlreadyExists)
        #expect(try alice.failure(.addImGroup(displayName: "Team")) == .errorImGroupDisplayNameAlreadyExists)

        try alice.succeed(.setImGroup(groupId: workID, newDisplayName: "Job"))
        let renamed = try group(named: "Job", in: try alice.itemList())
        #expect(renamed.exchangeStoreId?.id == workID.id)
        #expect(renamed.exchangeStoreId?.changeKey != workID.changeKey, "a rename changes the ChangeKey")
        #expect(
            try alice.failure(.setImGroup(groupId: workID, newDisplayName: "Stale"))
                == .errorIrresolvableConflict,
            "an update carrying a ChangeKey read before the rename is refused")
        #expect(
            try alice.failure(.setImGroup(groupId: EWSItemId(id: workID.id), newDisplayName: "Team"))
                == .errorImGroupDisplayNameAlreadyExists)
        try alice.succeed(.setImGroup(groupId: EWSItemId(id: workID.id), newDisplayName: "Jobs"))
        #expect(try alice.itemList().groups.contains { $0.displayName == "Jobs" }, "no ChangeKey: no check")

        #expect(
            try alice.failure(.setImGroup(groupId: EWSItemId(id: "bm8tc3VjaA=="), newDisplayName: "x"))
                == .errorItemNotFound)
        #expect(
            try alice.failure(.removeImGroup(groupId: EWSItemId(id: "not base64!"))) == .errorInvalidIdMalformed)
        let bob = EWSTestClient(server: server, user: "bob")
        #expect(
            try bob.failure(.removeImGroup(groupId: EWSItemId(id: workID.id))) == .errorItemNotFound,
            "another user's group is not found in one's own mailbox")
    }

    @Test func contactsOfAnyAddressDefaultGroupAndGetImItems() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let alice = EWSTestClient(server: server, user: "alice")
        let pat = try alice.addContact("sip:pat@example.org", name: "Pat")
        #expect(pat.displayName == "Pat" && pat.imAddress == "sip:pat@example.org")
        #expect(pat.emailAddress?.address == "pat@example.org")
        let list = try alice.itemList()
        let other = try group(named: "Other Contacts", in: list)
        #expect(other.memberCorrelationKey.map(\.id) == [pat.personaId.id], "no GroupId: the default group")

        let again = try alice.addContact("sip:pat@example.org", name: "Someone")
        #expect(again.personaId == pat.personaId && again.displayName == "Pat", "an existing contact: nothing happens")

        let friends = try #require(try group(named: "Friends", in: list).exchangeStoreId)
        let phone = try alice.addContact("tel:+15551234", group: EWSItemId(id: friends.id))
        #expect(phone.imAddress == "tel:+15551234" && phone.emailAddress == nil)
        guard
            case .imItemList(let items) = try alice.succeed(
                .getImItems(contactIds: [pat.personaId, phone.personaId], groupIds: [friends]))
        else {
            Issue.record("GetImItems answered without an ImItemList")
            return
        }
        #expect(items.personas.map(\.personaId.id) == [pat.personaId.id, phone.personaId.id])
        #expect(items.groups.map(\.displayName) == ["Friends"])
        #expect(items.groups.first?.memberCorrelationKey.last?.id == phone.personaId.id)
        #expect(
            try alice.failure(.getImItems(contactIds: [EWSItemId(id: "bm8tc3VjaA==")], groupIds: []))
                == .errorItemNotFound)
        #expect(
            try alice.failure(
                .addNewImContactToGroup(imAddress: "x@y.z", displayName: nil, groupId: EWSItemId(id: "bm8tc3VjaA==")))
                == .errorItemNotFound)

        // AddImContactToGroup files a listed contact in a further group; twice is the same as once.
        try alice.succeed(.addImContactToGroup(contactId: pat.personaId, groupId: EWSItemId(id: friends.id)))
        try alice.succeed(.addImContactToGroup(contactId: pat.personaId, groupId: EWSItemId(id: friends.id)))
        let filed = try group(named: "Friends", in: try alice.itemList())
        #expect(filed.memberCorrelationKey.filter { $0.id == pat.personaId.id }.count == 1)
        try alice.succeed(.setImListMigrationCompleted(true))
    }

    @Test func removeImGroupRemovesContactsThatWereInItAlone() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let alice = EWSTestClient(server: server, user: "alice")
        let list = try alice.itemList()
        let team = try #require(try group(named: "Team", in: list).exchangeStoreId)
        // Demo: bob and carol are in Team and Friends, dave in Team alone.
        try alice.succeed(.removeImGroup(groupId: team))
        let after = try alice.itemList()
        #expect(after.groups.map(\.displayName) == ["Friends"])
        #expect(after.personas.compactMap(\.displayName).sorted() == ["Bob Martin", "Carol Chen"])
        #expect(try alice.failure(.removeImGroup(groupId: team)) == .errorItemNotFound)
    }

    @Test func removeContactFromImListTakesItOutOfEveryGroup() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let alice = EWSTestClient(server: server, user: "alice")
        let list = try alice.itemList()
        let bob = try #require(list.personas.first { $0.displayName == "Bob Martin" })
        let friends = try #require(try group(named: "Friends", in: list).exchangeStoreId)
        try alice.succeed(.removeImContactFromGroup(contactId: bob.personaId, groupId: EWSItemId(id: friends.id)))
        #expect(
            try alice.failure(
                .removeImContactFromGroup(contactId: bob.personaId, groupId: EWSItemId(id: friends.id)))
                == .errorUnableToRemoveImContactFromGroup)
        let stillInTeam = try alice.itemList()
        #expect(try group(named: "Team", in: stillInTeam).memberCorrelationKey.contains { $0.id == bob.personaId.id })
        #expect(stillInTeam.personas.contains { $0.personaId.id == bob.personaId.id })

        try alice.succeed(.removeContactFromImList(contactId: EWSItemId(id: bob.personaId.id)))
        let after = try alice.itemList()
        #expect(!after.personas.contains { $0.personaId.id == bob.personaId.id })
        #expect(after.groups.allSatisfy { !$0.memberCorrelationKey.contains { $0.id == bob.personaId.id } })
        #expect(try alice.failure(.removeContactFromImList(contactId: bob.personaId)) == .errorItemNotFound)
    }

    @Test func distributionGroupsResolveTheDirectoryOnly() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let alice = EWSTestClient(server: server, user: "alice")
        let add = { (smtp: String) in
            ContactStoreRequest.addDistributionGroupToImList(smtpAddress: smtp, displayName: "Everyone")
        }
        #expect(try alice.failure(add("nobody@natter.test")) == .errorInvalidImDistributionGroupSmtpAddress)
        #expect(try alice.failure(add("team@example.org")) == .errorInvalidImDistributionGroupSmtpAddress)
        #expect(try alice.failure(add("lounge@natter.test")) == .errorInvalidImDistributionGroupSmtpAddress)
        guard case .imGroup(let everyone) = try alice.succeed(add("team@natter.test")) else {
            Issue.record("AddDistributionGroupToImList answered without an ImGroup")
            return
        }
        #expect(everyone.groupType == ImGroup.distributionGroupType && everyone.smtpAddress == "team@natter.test")
        #expect(everyone.memberCorrelationKey.count == 3, "the directory's members except alice herself")
        let id = try #require(everyone.exchangeStoreId)
        #expect(try alice.failure(.removeImGroup(groupId: id)) == .errorInvalidImGroupId)
        let team = try #require(try group(named: "Team", in: try alice.itemList()).exchangeStoreId)
        #expect(try alice.failure(.removeDistributionGroupFromImList(groupId: team)) == .errorInvalidImGroupId)
        try alice.succeed(.removeDistributionGroupFromImList(groupId: id))
        #expect(try !alice.itemList().groups.contains { $0.displayName == "Everyone" })
    }

    @Test func theThousandthContactIsTheLast() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let alice = EWSTestClient(server: server, user: "alice")
        let existing = try alice.itemList().personas.count
        // Schema checks of this response are the other tests' business; a thousand xmllint runs would only be slow.
        for index in existing..<1000 {
            try alice.addContact("user\(index)@example.org", validating: false)
        }
        #expect(try alice.itemList().personas.count == 1000)
        #expect(
            try alice.failure(.addNewImContactToGroup(imAddress: "one@too.many", displayName: nil, groupId: nil))
                == .errorImContactLimitReached)
        try alice.addContact("user999@example.org")
        #expect(try alice.itemList().personas.count == 1000, "re-adding an existing contact is not an add")
    }

    @Test func faultsForWhatCannotBeRead() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let alice = EWSTestClient(server: server, user: "alice")
        let malformed = try alice.post(Array("<soap:Envelope".utf8))
        #expect(malformed.status == 500 && malformed.bodyText.contains("ErrorSchemaValidation"))
        let unknown = try alice.post(Array(Self.envelope("<m:DeleteEverything/>").utf8))
        #expect(
            unknown.status == 500 && unknown.bodyText.contains("faultcode")
                && unknown.bodyText.contains("ErrorInvalidRequest"))
        let missing = try alice.post(Array(Self.envelope("<m:RemoveImGroup/>").utf8))
        #expect(missing.status == 500 && missing.bodyText.contains("ErrorSchemaValidation"))
        let entity = try alice.post(
            Array(("<!DOCTYPE x [<!ENTITY e \"boom\">]>" + Self.envelope("<m:GetImItemList/>")).utf8))
        #expect(entity.status == 500 && entity.bodyText.contains("faultcode"), "no DTDs, no entities")
        let oversized = try alice.post(
            Array(
                Self.envelope(
                    "<m:AddImGroup><m:DisplayName>\(String(repeating: "x", count: 5 << 20))</m:DisplayName></m:AddImGroup>"
                ).utf8))
        #expect(oversized.status == 413 && oversized.bodyText.contains("ErrorInvalidRequest"))
        let wrongPassword = try alice.post(Array(Self.envelope("<m:GetImItemList/>").utf8), password: "nope")
        #expect(wrongPassword.status == 401)

        // No SOAPAction at all: dispatch is on the body's element.
        let noAction = try alice.post(Array(Self.envelope("<m:GetImItemList/>").utf8))
        #expect(noAction.status == 200)
        try EWSTestClient.validate(noAction.body)
        #expect(try alice.itemList().groups.count == 2, "the server is still serving")
    }

    @Test func theListSurvivesARestart() throws {
        let directory = try TestProcess.temporaryDirectory("contactstore-restart")
        let before: ImItemList
        do {
            let server = try NatterdProcess(directory: directory, arguments: Self.arguments)
            let alice = EWSTestClient(server: server, user: "alice")
            let work = try #require(try alice.addGroup("Work").exchangeStoreId)
            try alice.addContact("pat@example.org", name: "Pat", group: EWSItemId(id: work.id))
            before = try alice.itemList()
            server.stop()
        }
        let server = try NatterdProcess(directory: directory, arguments: Self.arguments)
        let after = try EWSTestClient(server: server, user: "alice").itemList()
        #expect(after == before)
    }

    @Test func editsReachTheUsersRealtimeSessionsAtOnce() throws {
        let server = try NatterdProcess(arguments: Self.arguments)
        let client = EngineClient(user: "alice", serverURL: server.url)
        #expect(client.waitSynchronized())
        let alice = EWSTestClient(server: server, user: "alice")
        let work = try #require(try alice.addGroup("Work").exchangeStoreId)
        let dave = try #require(try alice.itemList().personas.first { $0.displayName == "Dave Okafor" })
        try alice.succeed(.addImContactToGroup(contactId: dave.personaId, groupId: EWSItemId(id: work.id)))
        let daveJID = try #require(JID("dave@natter.test"))
        #expect(
            client.wait { $0.contacts[daveJID]?.groups.contains("Work") == true },
            "the Realtime roster shows the new group at once")
        try alice.succeed(.removeContactFromImList(contactId: EWSItemId(id: dave.personaId.id)))
        #expect(
            client.wait { state in state.sortedContacts.allSatisfy { $0.jid.bare != daveJID.bare } },
            "a removed contact leaves the Realtime roster")
    }

    static func envelope(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" \
        xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Body>\(body)</soap:Body></soap:Envelope>
        """
    }
}
