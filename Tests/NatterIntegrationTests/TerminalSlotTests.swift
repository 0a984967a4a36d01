import Dispatch
import Foundation
import NatterTestSupport
import Testing

/// A terminal test's body runs on a queue of its own, never on the cooperative pool that every async test shares.
@Suite(.terminalSlot) struct TerminalSlotTests {
    @Test func aSynchronousBodyRunsOnItsOwnQueue() {
        let label = DispatchQueue.getSpecific(key: DedicatedThreadExecutor.label)
        #expect(label?.hasPrefix("natter.test.") == true, "ran on the shared pool")
    }
}
