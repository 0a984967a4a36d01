import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct SubscriptionCommandTests {
    let parser = CommandParser()

    @Test func subscriptionCommandsNameTheCurrentAccount() {
        let state = Fixture.state()
        #expect(
            parser.parse("/subscribe bob Work Friends", state: state) == [
                .dispatch(
                    .subscriptions(.subscribe(Fixture.bob, name: nil, groups: ["Work", "Friends"], account: .default)))
            ])
        #expect(
            parser.parse("/authorize bob back", state: state) == [
                .dispatch(.subscriptions(.authorize(Fixture.bob, addBack: true, account: .default)))
            ])
        #expect(
            parser.parse("/authorize Carol", state: state) == [
                .dispatch(.subscriptions(.authorize(Fixture.carol, addBack: false, account: .default)))
            ])
        #expect(
            parser.parse("/deny bob", state: state) == [
                .dispatch(.subscriptions(.deny(Fixture.bob, account: .default)))
            ])
        #expect(
            parser.parse("/unsubscribe bob", state: state) == [
                .dispatch(.subscriptions(.unsubscribe(Fixture.bob, account: .default)))
            ])
        #expect(
            parser.parse("/block spam.test", state: state) == [
                .dispatch(.subscriptions(.block("spam.test", account: .default)))
            ])
        #expect(
            parser.parse("/allow spam.test", state: state) == [
                .dispatch(.subscriptions(.allow("spam.test", account: .default)))
            ])
        #expect(
            parser.parse("/blocked", state: state) == [
                .dispatch(.activate(.console)), .dispatch(.subscriptions(.listBlocked(account: .default))),
            ])
    }

    @Test func missingArgumentsAreErrors() throws {
        let state = Fixture.state()
        for line in ["/subscribe", "/authorize", "/deny", "/block", "/allow", "/unsubscribe"] {
            #expect(try Fixture.notice(in: parser.parse(line, state: state)).level == .error, "\(line)")
        }
    }
}
