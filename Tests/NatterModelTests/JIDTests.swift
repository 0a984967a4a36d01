import NatterModel
import Testing

@Suite struct JIDTests {
    @Test func parsesBareAndFull() throws {
        let full = try #require(JID("Alice@Natter.test/tui-1"))
        #expect(full.local == "alice")
        #expect(full.domain == "natter.test")
        #expect(full.resource == "tui-1")
        #expect(full.bare.description == "alice@natter.test")
        #expect(full.description == "alice@natter.test/tui-1")
    }

    @Test func resolvesBareNameInDefaultDomain() {
        #expect(JID("bob", defaultDomain: "natter.test")?.description == "bob@natter.test")
        #expect(JID("bob") == nil)
        #expect(JID("sip:carol@natter.test")?.description == "carol@natter.test")
    }

    @Test func rejectsMalformed() {
        #expect(JID("@natter.test") == nil)
        #expect(JID("a@") == nil)
        #expect(JID("a@b@c") == nil)
        #expect(JID("a b@c") == nil)
    }
}
