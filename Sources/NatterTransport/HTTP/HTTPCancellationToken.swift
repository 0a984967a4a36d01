import CCurl
import Synchronization

/// Cancels transfers from any thread, including a long poll that is waiting for the server.
///
/// A token can be shared by several transfers (say, every call of one adapter, cancelled at
/// logout). Once cancelled it stays cancelled, and transfers started with it fail immediately.
public final class HTTPCancellationToken: Sendable {
    private struct State {
        var isCancelled = false
        /// The multi handles of transfers in flight; woken so they notice the cancellation at once
        /// instead of at the next poll timeout. Kept as addresses: the handles belong to the
        /// transferring threads, the token only needs to find them.
        var waiting: [UInt] = []
    }

    private let state = Mutex(State())

    public init() {}

    public var isCancelled: Bool {
        state.withLock { $0.isCancelled }
    }

    public func cancel() {
        state.withLock { state in
            state.isCancelled = true
            // curl_multi_wakeup is documented as callable from another thread; holding the lock
            // guarantees the handle is not being detached and cleaned up meanwhile.
            for address in state.waiting {
                curl_multi_wakeup(UnsafeMutableRawPointer(bitPattern: address))
            }
        }
    }

    /// Registers a transfer; returns `false` if the token was already cancelled.
    func attach(_ multi: UnsafeMutableRawPointer) -> Bool {
        let address = UInt(bitPattern: multi)
        return state.withLock { state in
            guard !state.isCancelled else { return false }
            state.waiting.append(address)
            return true
        }
    }

    func detach(_ multi: UnsafeMutableRawPointer) {
        let address = UInt(bitPattern: multi)
        state.withLock { state in
            state.waiting.removeAll { $0 == address }
        }
    }
}
