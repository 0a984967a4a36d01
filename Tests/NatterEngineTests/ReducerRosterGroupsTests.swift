import Foundation
import NatterModel
import Testing

@testable import NatterEngine

@Suite struct ReducerRosterGroupsTests {
    let store = SourceKey(account: .default, protocolKind: .contactStore)
    let zimbra = SourceKey(account: .default, protocolKind: .roster)

    @Test func listedGroupsIncludeEmptyOnesAndAreReplacedPerSource() {
        var harness = ReducerHarness()
        let bob = harness.bob
        harness.event(.roster(.groups(["Work", "Friends", "Empty"])), from: store)
        harness.event(.roster(.loaded([Contact(jid: bob, displayName: "Bob", groups: ["friends"])])), from: store)
        // Names once each, ignoring case, by name; the group no contact is in is there too.
        #expect(harness.state.groupNames == ["Empty", "Friends", "Work"])
        harness.event(.roster(.groups(["Friends"])), from: store)
        #expect(harness.state.rosterGroups[store] == ["Friends"])
        #expect(harness.state.groupNames == ["Friends"])
    }

    @Test func anUnansweredSubscriptionRequestIsKeptPerSourceAndCleared() {
        var harness = ReducerHarness()
        let dave = JID("dave@natter.test")!
        var asked = Contact(jid: dave, displayName: "Dave")
        asked.awaitingAuthorization = true
        harness.event(.roster(.loaded([asked])), from: zimbra)
        harness.event(.roster(.loaded([Contact(jid: dave, displayName: "Dave")])), from: store)
        // Another source listing Dave does not hide that our request is still open.
        #expect(harness.state.contacts[dave]?.awaitingAuthorization == true)
        harness.event(.roster(.loaded([Contact(jid: dave, displayName: "Dave")])), from: zimbra)
        #expect(harness.state.contacts[dave]?.awaitingAuthorization == false)
        harness.event(.roster(.loaded([asked])), from: zimbra)
        harness.event(.roster(.loaded([])), from: zimbra)
        #expect(harness.state.contacts[dave]?.awaitingAuthorization == false)
    }
}
