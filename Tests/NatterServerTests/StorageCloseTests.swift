import Dispatch
import Foundation
import NatterTestSupport
import Testing

@testable import NatterServer

/// Closing the database while a read is finishing, from the executor that read runs on: a server stopped while
/// one of its handlers was still reading. The read gives its connection back only once its task resumes there,
/// so a close that blocked that executor never returned.
@Suite struct StorageCloseTests {
    @Test(.timeLimit(.minutes(5))) func closingWaitsForAReadFinishingOnTheSameExecutor() async throws {
        let storage = try Storage(path: nil, passwordCost: 4)
        let reading = DispatchSemaphore(value: 0)
        let finish = DispatchSemaphore(value: 0)
        let executor = DedicatedThreadExecutor(label: "natter.test.storage-close")
        let count = try await withTaskExecutorPreference(executor) {
            async let read = storage.pool.read { db in
                reading.signal()
                finish.wait()
                return try Int.fetchOne(db, sql: "SELECT 1") ?? 0
            }
            // Waited for off the executor: the read's task has to start on it first.
            await withCheckedContinuation { started in
                DispatchQueue.global().async {
                    reading.wait()
                    started.resume()
                }
            }
            // The read ends now, and its task wants this executor back to return the connection.
            finish.signal()
            await storage.closeWithoutBlocking()
            return try await read
        }
        #expect(count == 1)
        await #expect(throws: (any Error).self) { try await storage.pool.read { _ in 0 } }
    }
}
