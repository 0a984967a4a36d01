import NatterClient
import Testing

@Suite struct ClientConfigurationTests {
    @Test func readsEverySetting() throws {
        let configuration = try ClientConfiguration.parse(
            """
            server = "https://chat.example.org"
            user = "alice"
            password_command = "pass show natter"
            theme = "light"
            resource = "laptop"
            ca_file = "/etc/ssl/private-ca.pem"
            """)
        #expect(
            configuration
                == ClientConfiguration(
                    server: "https://chat.example.org", user: "alice", passwordCommand: "pass show natter",
                    theme: "light", resource: "laptop", caFile: "/etc/ssl/private-ca.pem"))
    }

    @Test func readsTheTerminalsAttentionAndClockSettings() throws {
        let configuration = try ClientConfiguration.parse(
            """
            bell = false
            notify_command = ["notify-send", "Natter"]
            highlight_words = ["deploy"]
            timestamp_format = "HH:mm:ss"
            """)
        #expect(!configuration.bell)
        #expect(configuration.notifyCommand == ["notify-send", "Natter"])
        #expect(configuration.highlightWords == ["deploy"])
        #expect(configuration.timestampFormat == "HH:mm:ss")
        #expect(try ClientConfiguration.parse("").bell)
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse("notify_command = \"notify-send\"") }
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse("bell = \"yes\"") }
    }

    @Test func roomStatusLinesCanBeHidden() throws {
        #expect(try ClientConfiguration.parse("").showRoomStatus)
        #expect(!(try ClientConfiguration.parse("show_room_status = false").showRoomStatus))
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse("show_room_status = \"no\"") }
    }

    @Test func refusesAPlaintextPassword() {
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse("password = \"hunter2\"") }
        do {
            _ = try ClientConfiguration.parse("user = \"a\"\npassword = \"x\"")
        } catch let error as ConfigurationError {
            #expect(error.isPlaintextPassword)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func reportsTheLineOfASyntaxError() {
        do {
            _ = try ClientConfiguration.parse("user = \"alice\"\nserver = \n", path: "cfg.toml")
            Issue.record("malformed TOML must be refused")
        } catch {
            #expect("\(error)".hasPrefix("cfg.toml:2"))
        }
    }

    @Test func unknownKeysAndWrongTypesAreErrors() {
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse("sever = \"typo\"") }
        #expect(throws: ConfigurationError.self) { try ClientConfiguration.parse("user = 42") }
    }

    @Test func aMissingFileIsAnEmptyConfiguration() throws {
        #expect(try ClientConfiguration.load(path: "/nonexistent/natter/config.toml") == ClientConfiguration())
    }
}
