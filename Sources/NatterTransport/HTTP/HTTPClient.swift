import CCurl
import Foundation
import Synchronization

/// HTTP(S) over libcurl.
///
/// `perform` blocks the calling thread for the whole transfer; adapters call it from their own
/// threads. The `async` overload runs the same transfer on a dedicated thread so that a long poll
/// never occupies a thread of Swift's cooperative pool, and it cancels the transfer when the task
/// is cancelled.
///
/// The client is safe to share. Each transfer checks a libcurl handle out of a small pool, so
/// concurrent calls never share a handle, and a returned handle keeps its live connection for
/// the next request to the same server.
public final class HTTPClient: Sendable {
    public let configuration: Configuration
    private let idleSessions = Mutex<[CurlSession]>([])

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Performs `request`, blocking until the response is complete.
    ///
    /// - Throws: ``HTTPError``. HTTP error statuses are returned, not thrown.
    public func perform(_ request: HTTPRequest, cancellation: HTTPCancellationToken? = nil) throws -> HTTPResponse {
        try CurlGlobal.ensureInitialized()
        let session = try checkOutSession()
        defer { checkIn(session) }
        return try session.run(request, configuration: configuration, cancellation: cancellation)
    }

    /// Performs `request` on a dedicated thread; cancelling the calling task cancels the transfer.
    public func perform(
        _ request: HTTPRequest, cancellation: HTTPCancellationToken? = nil
    ) async throws -> HTTPResponse {
        let token = cancellation ?? HTTPCancellationToken()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try self.perform(request, cancellation: token) })
                }
            }
        } onCancel: {
            token.cancel()
        }
    }

    private func checkOutSession() throws -> CurlSession {
        if let session = idleSessions.withLock({ $0.popLast() }) {
            return session
        }
        return try CurlSession()
    }

    private func checkIn(_ session: CurlSession) {
        let limit = configuration.maximumIdleConnections
        // A surplus session is released by the caller after the lock is dropped, which keeps
        // libcurl's cleanup (closing sockets) out of the critical section.
        idleSessions.withLock { sessions in
            if sessions.count < limit { sessions.append(session) }
        }
    }
}
