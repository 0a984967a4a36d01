import Foundation
import Testing

@testable import NatterTUI

/// How long the UI loop sleeps: until the next deadline, and without one for as long as nothing happens.
@Suite struct PollTimeoutTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func withoutADeadlineItSleepsUntilWoken() {
        #expect(TerminalApp.pollTimeout(until: nil, now: now) == -1)
    }

    @Test func aDeadlineIsRoundedUpAndAPastOneIsDueNow() {
        #expect(TerminalApp.pollTimeout(until: now.addingTimeInterval(0.2501), now: now) == 251)
        #expect(TerminalApp.pollTimeout(until: now.addingTimeInterval(5), now: now) == 5000)
        #expect(TerminalApp.pollTimeout(until: now.addingTimeInterval(-1), now: now) == 0)
    }
}
