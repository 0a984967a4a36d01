import Testing

@testable import NatterTUI

/// Each feature adds its commands from its own file; a name two features both claim would silently go to the
/// first, so the table must not have any.
@Suite struct CommandTableTests {
    @Test func noCommandNameIsClaimedTwice() {
        var owners: [String: String] = [:]
        for entry in CommandParser.table {
            for name in entry.names {
                if let first = owners[name] {
                    Issue.record("/\(name) is claimed by \"\(first)\" and by \"\(entry.help)\"")
                }
                owners[name] = entry.help
            }
        }
        #expect(owners["accept"]?.contains("conference") == true)
    }
}
