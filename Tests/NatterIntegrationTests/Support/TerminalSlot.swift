import Foundation
import Testing

/// Limits how many terminal tests run at once.
///
/// A terminal test starts natterd, a natter TUI (which signs in at five doors) and a tmux pane, then
/// waits a bounded time for the screen. Run side by side with every other suite on a 2-core CI machine,
/// a dozen of them starve each other past their waits; two at a time keep the whole run as fast and
/// make the waits mean something again. `NATTER_TEST_TERMINALS` overrides the limit.
struct TerminalSlot: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> TerminalSlot? {
        // Once per running test case, never around a whole suite: a suite holding a slot while its
        // tests wait for one would deadlock.
        testCase == nil ? nil : self
    }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        await Self.slots.acquire()
        defer { Self.slots.release() }
        // The test body blocks while it waits on the terminal: off the cooperative pool, so it stalls nobody.
        try await OffThePool.run(test, function)
    }

    private static let slots = AsyncSlots(
        count: ProcessInfo.processInfo.environment["NATTER_TEST_TERMINALS"].flatMap { Int($0) } ?? 2)
}

extension Trait where Self == TerminalSlot {
    /// Runs each test of the suite only while fewer than the limit of terminal tests are running.
    static var terminalSlot: TerminalSlot { TerminalSlot() }
}
