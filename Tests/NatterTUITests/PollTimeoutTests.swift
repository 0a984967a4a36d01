import Foundation
import Testing

@testable import NatterTUI

/// How long the UI loop sleeps: until the next deadline, never past the state check.
@Suite struct PollTimeoutTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func withoutADeadlineItSleepsForeverOrUntilTheCheck() {
        #expect(TerminalApp.pollTimeout(until: nil, now: now) == -1)
        #expect(TerminalApp.pollTimeout(until: nil, now: now, atMost: 1000) == 1000)
    }

    @Test func anEarlierDeadlineWinsAndIsRoundedUp() {
        #expect(TerminalApp.pollTimeout(until: now.addingTimeInterval(0.2501), now: now, atMost: 1000) == 251)
        #expect(TerminalApp.pollTimeout(until: now.addingTimeInterval(5), now: now, atMost: 1000) == 1000)
        #expect(TerminalApp.pollTimeout(until: now.addingTimeInterval(-1), now: now, atMost: 1000) == 0)
    }
}
