import Foundation
import Testing

/// The scripting commands with two accounts in config.toml: one roster for both, and `send` going out on the
/// account whose domain the address names.
@Suite(.serialized, .offThePool) struct MultiAccountCLITests {
    struct RosterRecord: Decodable {
        struct Source: Decodable {
            var account: String
            var `protocol`: String
            var presence: String
        }

        var address: String
        var name: String
        var presence: String
        var groups: [String]
        var accounts: [String]
        var sources: [Source]
    }

    @Test func rosterJSONListsBothAccountsAndSendPicksTheAccountByDomain() throws {
        let serverA = try NatterdProcess(arguments: ["--domain", "a.test", "--no-demo-peer"])
        let serverB = try NatterdProcess(arguments: ["--domain", "b.test", "--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("multi-cli")
        try FileManager.default.createDirectory(atPath: home + "/natter", withIntermediateDirectories: true)
        try MultiAccountEndToEndTests.config(a: serverA, b: serverB).write(
            toFile: home + "/natter/config.toml", atomically: true, encoding: .utf8)
        let environment = ["NATTER_PASSWORD": "alice", "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home + "/data"]

        let roster = try TestProcess.run(TestProcess.binary("natter"), ["roster", "--json"], environment: environment)
        #expect(roster.status == 0, "roster failed: \(roster.stderr)")
        let records = try JSONDecoder().decode([RosterRecord].self, from: Data(roster.stdout.utf8))
        let byAddress = Dictionary(uniqueKeysWithValues: records.map { ($0.address, $0) })
        #expect(byAddress["bob@a.test"]?.accounts == ["a"])
        #expect(byAddress["bob@b.test"]?.accounts == ["b"])
        #expect(byAddress["bob@a.test"]?.sources.first?.protocol == "realtime")
        #expect(byAddress["bob@a.test"]?.name == "Bob Martin")

        // Bob on B is logged in before alice sends, so the message reaches him live.
        let bob = EngineClient(user: "bob@b.test", serverURL: serverB.url, password: "bob")
        #expect(bob.waitSynchronized())
        var sent = try TestProcess.run(
            TestProcess.binary("natter"), ["send", "--to", "bob@b.test", "over on B"], environment: environment)
        #expect(sent.status == 0, "send failed: \(sent.stderr)")
        #expect(sent.stdout.contains("sent to bob@b.test"))
        #expect(
            bob.wait { $0.conversations.values.contains { $0.messages.contains { $0.text == "over on B" } } },
            "bob on B never got it")

        sent = try TestProcess.run(
            TestProcess.binary("natter"), ["send", "--to", "bob", "which one?"], environment: environment)
        #expect(sent.status != 0)
        #expect(sent.stderr.contains("--account NAME"), "an ambiguous send must say how to choose: \(sent.stderr)")
    }
}
