import Foundation
import Synchronization

/// Hands one async result to a thread that must not be the cooperative pool's.
final class BlockingResult<Value: Sendable>: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let box = Mutex<Result<Value, any Error>?>(nil)

    func set(_ body: () async throws -> Value) async {
        let result: Result<Value, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        box.withLock { $0 = result }
        semaphore.signal()
    }

    func wait() throws -> Value {
        semaphore.wait()
        return try box.withLock { $0! }.get()
    }
}
