import Foundation

extension Process {
    /// Waits for the process to end by polling `isRunning`.
    ///
    /// Why not `waitUntilExit()`: on Linux, Foundation's version spins a run loop, and two test threads in it
    /// at once have been seen spinning forever at 100 % CPU, hanging the whole suite.
    public func waitUntilGone() {
        while isRunning { usleep(5_000) }
    }

    /// Waits a moment for a helper told to quit (its lifeline pipe closed) to go, then terminates it.
    ///
    /// A child spawned at the same moment by another test can inherit the pipe's write end, so the helper may
    /// never see end-of-file: waiting for it alone has hung the suite.
    public func stop(grace: Duration = .seconds(2)) {
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline { usleep(5_000) }
        if isRunning { terminate() }
        waitUntilGone()
    }
}
