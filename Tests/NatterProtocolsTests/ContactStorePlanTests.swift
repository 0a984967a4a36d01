import NatterCodecs
import NatterEngine
import NatterModel
import Testing

@testable import NatterProtocols

@Suite("ContactStore adapter: engine commands to EWS steps (pure)")
struct ContactStorePlanTests {
    private let bob = JID(local: "bob", domain: "natter.test")
    private let pat = JID(local: "pat", domain: "example.org")

    /// Friends (bob), a distribution group Team (bob), and the persona for pat in no group.
    private var directory: ContactStoreDirectory {
        ContactStoreDirectory(
            ImItemList(
                groups: [
                    ImGroup(
                        displayName: "Friends", exchangeStoreId: EWSItemId(id: "R3JvdXA="),
                        memberCorrelationKey: [EWSItemId(id: "Qm9i")]),
                    ImGroup(
                        displayName: "Team", groupType: ImGroup.distributionGroupType,
                        exchangeStoreId: EWSItemId(id: "VGVhbQ=="), memberCorrelationKey: [EWSItemId(id: "Qm9i")],
                        smtpAddress: "team@natter.test"),
                ],
                personas: [
                    Persona(
                        personaId: EWSItemId(id: "Qm9i", changeKey: "AA=="), displayName: "Bob",
                        imAddress: "sip:bob@natter.test"),
                    Persona(
                        personaId: EWSItemId(id: "UGF0"), displayName: "Pat",
                        emailAddress: EWSEmailAddress(address: "pat@example.org")),
                    Persona(personaId: EWSItemId(id: "VGVs"), imAddress: "tel:+15551234"),
                ]),
            domain: "natter.test")
    }

    @Test func directoryIndexesPersonasByAddress() {
        let directory = self.directory
        #expect(directory.contacts.map(\.jid) == [bob, pat], "a phone number is no JID")
        #expect(directory.contacts.first?.groups == ["Friends", "Team"])
        #expect(directory.groupNames(of: pat).isEmpty)
    }

    @Test func addMakesMissingGroupsThenTheContact() throws {
        let new = JID(local: "kim", domain: "example.org")
        let steps = try ContactStoreStep.plan(
            .roster(.add(new, name: "Kim", groups: ["Work", "friends"])), in: directory)
        #expect(
            steps == [
                .createGroup("Work"), .addContact(new, name: "Kim", group: "Work"), .addToGroup(new, group: "friends"),
            ])
        #expect(throws: ContactStoreAdapterError.unknownContact("kim@example.org"), "kim has no persona until added") {
            try steps[2].request(in: directory)
        }
    }

    @Test func assignAddsAndRemovesButLeavesDistributionGroups() throws {
        let steps = try ContactStoreStep.plan(.groups(.assign(bob, groups: ["Work"])), in: directory)
        #expect(
            steps == [.createGroup("Work"), .addToGroup(bob, group: "Work"), .removeFromGroup(bob, group: "Friends")])
        #expect(
            try steps[2].request(in: directory)
                == .removeImContactFromGroup(contactId: EWSItemId(id: "Qm9i"), groupId: EWSItemId(id: "R3JvdXA=")),
            "ids go without ChangeKeys")
        #expect(try ContactStoreStep.plan(.groups(.assign(pat, groups: [])), in: directory).isEmpty)
    }

    @Test func deleteRemovesByKindAndUnknownNamesAreRefused() throws {
        #expect(try ContactStoreStep.plan(.groups(.delete("team")), in: directory) == [.removeDistribution("team")])
        #expect(try ContactStoreStep.plan(.groups(.delete("Friends")), in: directory) == [.removeGroup("Friends")])
        #expect(throws: ContactStoreAdapterError.unknownGroup("Nope")) {
            try ContactStoreStep.plan(.groups(.delete("Nope")), in: directory)
        }
        #expect(throws: ContactStoreAdapterError.unknownContact("kim@natter.test")) {
            try ContactStoreStep.plan(.roster(.remove(JID(local: "kim", domain: "natter.test"))), in: directory)
        }
        #expect(throws: ContactStoreAdapterError.self) {
            try ContactStoreStep.plan(.roster(.rename(bob, name: "B")), in: directory)
        }
        #expect(
            try ContactStoreStep.addContact(pat, name: nil, group: nil).request(in: directory)
                == .addNewImContactToGroup(imAddress: "sip:pat@example.org", displayName: nil, groupId: nil))
    }
}
