import NatterClient
import NatterModel
import NatterProtocols
import Testing

@Suite struct StatusTextConfigurationTests {
    @Test func anAccountsStatusTableHoldsNeutralAndPerLanguageTexts() throws {
        let configuration = try ClientConfiguration.parse(
            """
            [accounts.work]
            server = "http://127.0.0.1:7070"
            user = "alice"
            protocols = ["roster"]

            [accounts.work.status]
            away = "Out to lunch"
            dnd = "In a meeting"

            [accounts.work.status.de]
            away = "Beim Mittagessen"
            """)
        #expect(configuration.accountProblems.isEmpty)
        let work = try #require(configuration.accounts.first)
        #expect(
            work.statusTexts
                == RosterStatusTexts([
                    "": [.away: "Out to lunch", .dnd: "In a meeting"], "de": [.away: "Beim Mittagessen"],
                ]))
    }

    @Test func aBadStatusTableIsAProblemOfThatAccountOnly() throws {
        let configuration = try ClientConfiguration.parse(
            """
            [accounts.work]
            server = "http://127.0.0.1:7070"
            user = "alice"
            [accounts.work.status]
            sleepy = "zzz"

            [accounts.home]
            server = "http://127.0.0.1:7070"
            user = "alice"
            status = "away"
            """)
        #expect(configuration.accounts.isEmpty)
        let problems = configuration.accountProblems.map(\.description)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("status.sleepy") })
        #expect(problems.contains { $0.contains("status") && $0.contains("must be a table") })
    }
}
