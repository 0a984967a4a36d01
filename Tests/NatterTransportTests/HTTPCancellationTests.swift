import Foundation
import Synchronization
import Testing

@testable import NatterTransport

@Suite struct HTTPCancellationTests {
    let client = HTTPClient(configuration: .init(proxy: .direct))

    @Test func cancelInterruptsALongPollPromptly() throws {
        let server = try HTTPTestServer.start()
        let token = HTTPCancellationToken()
        let outcome = LockedBox<Result<HTTPResponse, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let client = self.client
        Thread.detachNewThread {
            outcome.set(
                Result { try client.perform(HTTPRequest(url: server.url("/slow?seconds=20")), cancellation: token) })
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        token.cancel()
        // Not a speed check: the server answers only after 20 s, so ending before that, with `.cancelled`, is the
        // cancel's doing rather than the server's.
        #expect(finished.wait(timeout: .now() + 19) == .success)
        let result = try #require(outcome.get())
        #expect(throws: HTTPError.self) { try result.get() }
        if case .failure(let error as HTTPError) = result {
            #expect(error.kind == .cancelled)
            #expect(!error.isRetryable)
        }
    }

    @Test func cancelledTokenFailsNewTransfersImmediately() throws {
        let server = try HTTPTestServer.start()
        let token = HTTPCancellationToken()
        token.cancel()
        let error = try #require(throws: HTTPError.self) {
            try client.perform(HTTPRequest(url: server.url("/echo")), cancellation: token)
        }
        #expect(error.kind == .cancelled)
    }

    @Test func clientStillWorksAfterACancelledTransfer() throws {
        let server = try HTTPTestServer.start()
        let token = HTTPCancellationToken()
        let client = self.client
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            token.cancel()
        }
        #expect(throws: HTTPError.self) {
            try client.perform(HTTPRequest(url: server.url("/slow?seconds=20")), cancellation: token)
        }
        #expect(try client.perform(HTTPRequest(url: server.url("/status/204"))).status == 204)
    }

    @Test func cancellingTheTaskCancelsTheAsyncTransfer() async throws {
        let server = try HTTPTestServer.start()
        let client = self.client
        let task = Task { try await client.perform(HTTPRequest(url: server.url("/slow?seconds=20"))) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        // The server would answer only after 20 s with a 200; a `.cancelled` error is the cancel's doing.
        #expect(throws: HTTPError.self) { try result.get() }
        if case .failure(let error as HTTPError) = result {
            #expect(error.kind == .cancelled)
        } else {
            Issue.record("expected a cancelled HTTPError, got \(result)")
        }
    }
}

/// A tiny lock-protected box for handing a result from a plain thread back to the test.
final class LockedBox<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) {
        self.value = Mutex(value)
    }

    func set(_ newValue: Value) {
        value.withLock { $0 = newValue }
    }

    func get() -> Value {
        value.withLock { $0 }
    }
}
