import NatterTestSupport
import Testing

/// Runs each test of a suite on a queue of its own (`DedicatedThreadExecutor`) rather than the cooperative pool.
///
/// For suites whose synchronous tests wait on processes, sockets or sleeps: a waiting test then holds a thread
/// that dispatch replaces, instead of one of the pool's two on which every async test of the run depends.
struct OffThePool: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func scopeProvider(for test: Test, testCase: Test.Case?) -> OffThePool? {
        testCase == nil ? nil : self
    }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await Self.run(test, function)
    }

    static func run(_ test: Test, _ function: @Sendable () async throws -> Void) async throws {
        try await withTaskExecutorPreference(DedicatedThreadExecutor(label: "natter.test.\(test.name)")) {
            try await function()
        }
    }
}

extension Trait where Self == OffThePool {
    static var offThePool: OffThePool { OffThePool() }
}
