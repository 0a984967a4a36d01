import Foundation

extension Process {
    /// Waits for the process to end by polling `isRunning`.
    ///
    /// Why not `waitUntilExit()`: on Linux, Foundation's version spins a run loop, and two test threads in it
    /// at once have been seen spinning forever at 100 % CPU, hanging the whole suite.
    public func waitUntilGone() {
        while isRunning { usleep(5_000) }
    }
}
