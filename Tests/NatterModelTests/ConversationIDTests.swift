import NatterModel
import Testing

@Suite struct ConversationIDTests {
    let bob = JID("bob@natter.test")!

    @Test func storageKeyRoundTripsEveryKindWithinItsAccount() {
        let work = AccountID("work")
        let ids: [ConversationID] = [
            .direct(bob, account: work), .room(JID("lounge@natter.test")!, account: work),
            .channel("c-1", account: work),
            .thread("t-9", account: work), .conference("conf-3", account: work),
        ]
        for id in ids { #expect(ConversationID(storageKey: id.storageKey, account: work) == id) }
        #expect(ConversationID(storageKey: "nope", account: work) == nil)
        #expect(ConversationID(storageKey: "direct:", account: work) == nil)
        #expect(ConversationID(storageKey: "telepathy:x", account: work) == nil)
    }

    @Test func theKeyIsWhatCachesWroteBeforeAccounts() {
        // Old caches stored `direct:bob@natter.test`; the default account must read them unchanged.
        #expect(ConversationID.direct(bob).storageKey == "direct:bob@natter.test")
        #expect(
            ConversationID(storageKey: "room:lounge@natter.test", account: .default)
                == .room(JID("lounge@natter.test")!))
    }

    @Test func theAccountIsPartOfTheIdentity() {
        let home = ConversationID.direct(bob, account: AccountID("home"))
        let work = ConversationID.direct(bob.with(resource: "phone"), account: AccountID("work"))
        #expect(home != work)
        #expect(home.storageKey == work.storageKey)
        #expect(work.jid == bob)
        #expect(home.kind == .direct && home.kind.capability == .chat)
        #expect(ConversationID.channel("c", account: .default).kind.capability == .channels)
    }
}
