import NatterClient
import Testing

/// `prefix_align` and `prefix_align_max` in config.toml: read when valid, a clear error otherwise.
@Suite struct PrefixAlignConfigurationTests {
    @Test func readsTheNickColumnSettings() throws {
        let configuration = try ClientConfiguration.parse("prefix_align = \"right\"\nprefix_align_max = 10\n")
        #expect(configuration.prefixAlign == "right")
        #expect(configuration.prefixAlignMax == 10)
        #expect(try ClientConfiguration.parse("").prefixAlign == nil)
    }

    @Test func refusesValuesItCannotUse() {
        #expect(throws: ConfigurationError.self) { _ = try ClientConfiguration.parse("prefix_align = \"centre\"") }
        #expect(throws: ConfigurationError.self) { _ = try ClientConfiguration.parse("prefix_align_max = 0") }
        #expect(throws: ConfigurationError.self) { _ = try ClientConfiguration.parse("prefix_align_max = \"12\"") }
    }
}
