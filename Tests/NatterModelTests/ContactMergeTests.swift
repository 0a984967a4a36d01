import Foundation
import NatterModel
import Testing

@Suite struct ContactMergeTests {
    let bob = JID("bob@natter.test")!
    let realtime = SourceKey(account: AccountID("work"), protocolKind: .realtime)
    let store = SourceKey(account: AccountID("work"), protocolKind: .contactStore)
    let since = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func eachSourceKeepsWhatItSaid() {
        var contact = Contact(jid: bob)
        contact.list(name: nil, groups: ["Team"], reference: nil, from: realtime)
        contact.list(name: "Bob Martin", groups: ["Friends", "Team"], reference: "persona-1", from: store)
        #expect(contact.displayName == "Bob Martin")
        #expect(contact.groups == ["Team", "Friends"])
        contact.unlist(from: store)
        #expect(contact.displayName == "bob")
        #expect(contact.groups == ["Team"])
        #expect(contact.sources.map(\.key) == [realtime])
    }

    @Test func presenceIsTheMostReachableOfAllSources() {
        var contact = Contact(jid: bob)
        contact.report(.away, status: "lunch", since: since, from: realtime)
        contact.report(.available, status: nil, since: since, from: store)
        #expect(contact.presence == .available)
        contact.report(.unavailable, status: nil, since: since, from: store)
        #expect(contact.presence == .away)
        #expect(contact.statusText == "lunch")
    }

    @Test func aSourceStillReportingPresenceStaysWhenItDropsTheContact() {
        var contact = Contact(jid: bob)
        contact.list(name: "Bob", groups: ["Team"], reference: nil, from: realtime)
        contact.report(.available, status: nil, since: since, from: realtime)
        contact.unlist(from: realtime)
        #expect(contact.sources.count == 1)
        #expect(contact.sources.first?.onRoster == false)
        #expect(contact.presence == .available)
        #expect(contact.groups.isEmpty)
    }
}
