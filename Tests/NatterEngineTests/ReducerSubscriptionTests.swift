import Foundation
import NatterEngine
import NatterModel
import Testing

@Suite struct ReducerSubscriptionTests {
    static let roster = SourceKey(account: .default, protocolKind: .roster)

    func harness() -> ReducerHarness {
        var harness = ReducerHarness()
        harness.event(.session(.attached([.chat, .presence, .roster, .subscriptions])), from: Self.roster)
        harness.event(.session(.authenticated(JID("alice@natter.test/im")!)), from: Self.roster)
        return harness
    }

    @Test func subscriptionIntentsGoToTheAdapterThatCarriesThem() {
        var harness = harness()
        let effects = harness.intent(.subscriptions(.authorize(harness.bob, addBack: true, account: .default)))
        #expect(effects == [.adapter(Self.roster, .subscriptions(.authorize(harness.bob, addBack: true)))])
        let block = harness.intent(.subscriptions(.block("spam.test", account: .default)))
        #expect(block == [.adapter(Self.roster, .subscriptions(.block("spam.test")))])
    }

    @Test func aRequestIsPromptedOnceAndClearedByTheAnswer() {
        var harness = harness()
        harness.event(.subscriptions(.requested(harness.bob)), from: Self.roster)
        #expect(harness.state.subscriptionRequests[.default] == [harness.bob])
        let prompt = harness.state.statusNotice?.text ?? ""
        #expect(prompt.contains("asks to see your presence") && prompt.contains("/authorize bob@natter.test"))
        let consoleLines = harness.state.console.count
        harness.event(.subscriptions(.requested(harness.bob)), from: Self.roster)
        #expect(harness.state.console.count == consoleLines)
        harness.intent(.subscriptions(.deny(harness.bob, account: .default)))
        #expect(harness.state.subscriptionRequests[.default]?.isEmpty == true)
    }

    @Test func anAccountWithoutTheRosterAdapterIsToldSo() {
        var harness = ReducerHarness()
        let effects = harness.intent(.subscriptions(.subscribe(harness.bob, name: nil, groups: [], account: .default)))
        #expect(!ReducerHarness.sendsAny(effects))
        #expect(harness.state.statusNotice?.text.contains("subscriptions") == true)
    }
}
