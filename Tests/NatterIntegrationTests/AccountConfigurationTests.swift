import ArgumentParser
import NatterClient
import NatterModel
import Testing

@Suite struct AccountConfigurationTests {
    static let twoAccounts = """
        theme = "dark"

        [accounts.work]
        server = "https://chat.example.com"
        user = "alice"
        password_command = "pass show work"

        [accounts.home]
        server = "http://127.0.0.1:7070"
        user = "alice@home.test"
        protocols = ["realtime"]
        resource = "laptop"
        ca_file = "/etc/ssl/home.pem"
        enabled = false
        """

    @Test func readsEveryAccountTable() throws {
        let configuration = try ClientConfiguration.parse(Self.twoAccounts)
        #expect(configuration.accountProblems.isEmpty)
        #expect(configuration.accounts.map(\.id) == [AccountID("home"), AccountID("work")])
        let home = try #require(configuration.accounts.first { $0.id == AccountID("home") })
        #expect(
            home
                == AccountSettings(
                    id: AccountID("home"), protocols: [.realtime], server: "http://127.0.0.1:7070",
                    user: "alice@home.test", resource: "laptop", caFile: "/etc/ssl/home.pem", enabled: false))
        let work = try #require(configuration.accounts.first { $0.id == AccountID("work") })
        #expect(work.protocols == ProtocolKind.allCases)
        #expect(work.passwordCommand == "pass show work")
        #expect(work.address == "alice@natter.test")
        #expect(home.address == "alice@home.test")
    }

    @Test func aBadEntryNamesItsAccountAndKeyWhileTheOthersStillLoad() throws {
        let configuration = try ClientConfiguration.parse(
            """
            [accounts.good]
            server = "http://a.test"
            user = "alice"

            [accounts.typo]
            server = "http://b.test"
            usr = "bob"

            [accounts.nouser]
            server = "http://c.test"

            [accounts.wrongtype]
            server = "http://d.test"
            user = "dave"
            enabled = "yes"

            [accounts.badproto]
            server = "http://e.test"
            user = "erin"
            protocols = ["realtime", "irc"]

            [accounts.secret]
            server = "http://f.test"
            user = "frank"
            password = "hunter2"
            """)
        #expect(configuration.accounts.map(\.id.rawValue) == ["good"])
        let problems = Dictionary(uniqueKeysWithValues: configuration.accountProblems.map { ($0.account, $0) })
        #expect(problems["typo"]?.key == "usr")
        #expect(problems["typo"]?.description == "accounts.typo.usr: unknown setting")
        #expect(problems["nouser"]?.description == "accounts.nouser.user is missing")
        #expect(problems["wrongtype"]?.description == "accounts.wrongtype.enabled must be true or false")
        #expect(
            problems["badproto"]?.description.hasPrefix("accounts.badproto.protocols: unknown protocol 'irc'") == true)
        #expect(problems["secret"]?.key == "password")
        #expect(problems["secret"]?.description.contains("password_command") == true)
        #expect(problems.count == 5)
    }

    @Test func accountsMustBeTables() {
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse("accounts = \"work\"") }
        let configuration = try? ClientConfiguration.parse("[accounts]\nwork = 3\n")
        #expect(configuration?.accountProblems.first?.description == "accounts.work must be a table ([accounts.work])")
    }

    @Test func withoutFlagsEveryEnabledAccountStartsAndDisabledOnesWait() throws {
        let configuration = try ClientConfiguration.parse(
            "server = \"http://legacy.test\"\nuser = \"carol\"\n" + Self.twoAccounts)
        let selection = try AccountSelection.resolve(try ConnectionOptions.parse([]), configuration: configuration)
        #expect(selection.accounts.map(\.id.rawValue) == ["default", "work"])
        #expect(selection.accounts.first?.server == "http://legacy.test")
        #expect(selection.dormant.map(\.id.rawValue) == ["home"])
        #expect(throws: SelectionError.self) { try selection.single() }
    }

    @Test func serverAndUserFlagsAreOneNatterdAccountAsBefore() throws {
        let configuration = try ClientConfiguration.parse(Self.twoAccounts)
        let options = try ConnectionOptions.parse(["--server", "http://127.0.0.1:9", "--user", "bob"])
        let selection = try AccountSelection.resolve(options, configuration: configuration)
        let only = try selection.single()
        #expect(only.id == .default)
        #expect(only.server == "http://127.0.0.1:9")
        #expect(only.user == "bob")
        #expect(only.protocols == ProtocolKind.allCases)
    }

    @Test func accountFlagPicksOneAndOtherFlagsOverrideIt() throws {
        let configuration = try ClientConfiguration.parse(Self.twoAccounts)
        let options = try ConnectionOptions.parse(["--account", "home", "--password-command", "echo x"])
        let home = try AccountSelection.resolve(options, configuration: configuration).single()
        #expect(home.id == AccountID("home"))
        #expect(home.passwordCommand == "echo x")
        #expect(home.server == "http://127.0.0.1:7070")
    }

    @Test func anUnknownOrBrokenAccountNameIsAClearError() throws {
        let configuration = try ClientConfiguration.parse(
            Self.twoAccounts + "\n[accounts.broken]\nserver = \"http://x.test\"\n")
        do {
            _ = try AccountSelection.resolve(
                try ConnectionOptions.parse(["--account", "play"]), configuration: configuration)
            Issue.record("an unknown account must be refused")
        } catch {
            #expect("\(error)" == "no account named 'play' (configured: home, work)")
        }
        do {
            _ = try AccountSelection.resolve(
                try ConnectionOptions.parse(["--account", "broken"]), configuration: configuration)
            Issue.record("a broken account must be refused")
        } catch {
            #expect("\(error)" == "accounts.broken.user is missing")
        }
    }

    @Test func nothingConfiguredSaysWhatToDo() throws {
        do {
            _ = try AccountSelection.resolve(try ConnectionOptions.parse([]), configuration: ClientConfiguration())
            Issue.record("no account at all must be refused")
        } catch {
            #expect("\(error)".contains("--server URL --user NAME"))
        }
    }
}
