import Dispatch

/// Runs a test's jobs on a serial dispatch queue of its own instead of Swift's cooperative pool.
///
/// The pool has one thread per core (two on CI). A synchronous test that waits on a terminal or a process blocks
/// its thread for as long as it waits, and two of them at once froze every async test and in-process server of
/// the run, which then missed their own deadlines. Dispatch adds threads for blocked queues; the pool does not.
public final class DedicatedThreadExecutor: TaskExecutor {
    /// Set on every such queue to its label, so code can tell that it runs on one.
    public static let label = DispatchSpecificKey<String>()

    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: Self.label, value: label)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
