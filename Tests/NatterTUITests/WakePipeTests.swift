import Foundation
import Glibc
import Synchronization
import Testing

@testable import NatterTUI

/// The self-pipe's coalescing: one byte for a burst of engine changes, and never a change without a wake.
@Suite struct WakePipeTests {
    /// Work to run at the start of the pipe's next `read`: a notification from an adapter thread that arrives
    /// while the UI thread is draining.
    final class Landing: Sendable {
        private let work = Mutex<(@Sendable () -> Void)?>(nil)

        func duringTheNextRead(_ work: @escaping @Sendable () -> Void) { self.work.withLock { $0 = work } }

        func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
            work.withLock { work in
                defer { work = nil }
                return work
            }?()
            return Glibc.read(fd, buffer, count)
        }
    }

    static func readable(_ pipe: WakePipe) -> Bool {
        var descriptor = pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 1
    }

    @Test func aChangeToldDuringADrainDoesNotSilenceTheNextOne() throws {
        let landing = Landing()
        let pipe = try WakePipe(reader: landing.read)
        defer { pipe.close() }
        pipe.notify()
        #expect(Self.readable(pipe))
        landing.duringTheNextRead { pipe.notify() }
        #expect(pipe.drain() == [.state])
        // The loop now renders the state, which already holds both changes; then another change comes.
        pipe.notify()
        #expect(
            Self.readable(pipe),
            "the byte of the change told mid-drain was swallowed by that drain and left the flag set: no later change wakes the loop"
        )
        #expect(pipe.drain() == [.state])
        #expect(!Self.readable(pipe))
    }

    @Test func aBurstOfChangesIsOneByteAndTheFirstChangeAfterADrainIsAnother() throws {
        let pipe = try WakePipe()
        defer { pipe.close() }
        for _ in 0..<5 { pipe.notify() }
        var buffer = [UInt8](repeating: 0, count: 64)
        #expect(read(pipe.readFD, &buffer, buffer.count) == 1)
        // Read behind the pipe's back, so the flag still says a byte is waiting: a drain clears it.
        #expect(pipe.drain().isEmpty)
        pipe.notify()
        #expect(pipe.drain() == [.state])
    }

    @Test func signalsAndResizesAreNeverCoalescedAway() throws {
        let pipe = try WakePipe()
        defer { pipe.close() }
        pipe.notify()
        pipe.notify(.resize)
        pipe.notify(.interrupt)
        pipe.notify(.interrupt)
        #expect(pipe.drain() == [.state, .resize, .interrupt, .interrupt])
    }
}
