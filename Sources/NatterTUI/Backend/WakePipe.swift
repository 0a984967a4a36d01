import Foundation
import Glibc
import Synchronization

/// The self-pipe that wakes the UI thread's `poll`: engine changes, scheduled wakes and signals all write a byte.
///
/// Engine notifications are coalesced (one byte until the loop drains), so a burst of adapter events costs one
/// wake-up and one render, not one each. The rule that keeps coalescing from losing a wake: `pendingState` is true
/// only while a `.state` byte is in the pipe (or about to be written) and not yet read, so `drain` clears it only
/// after its last read.
final class WakePipe: Sendable {
    typealias Reader = @Sendable (_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int

    enum Reason: UInt8, Sendable {
        case state = 0x73  // "s"
        case resize = 0x72  // "r"
        case quit = 0x71  // "q", SIGTERM
        case hangup = 0x68  // "h", SIGHUP
        case interrupt = 0x69  // "i", SIGINT (Ctrl+C): clears the input line; twice quits
    }

    let readFD: Int32
    let writeFD: Int32
    private let pendingState = Atomic<Bool>(false)
    private let open = Mutex<Bool>(true)
    private let scheduled = Mutex<Date?>(nil)
    private let reader: Reader

    /// - Parameter reader: `read(2)`; tests pass one that lets a notification land in the middle of a drain.
    init(reader: @escaping Reader = { fd, buffer, count in Glibc.read(fd, buffer, count) }) throws(TerminalError) {
        self.reader = reader
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .pipeFailed(errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    func notify(_ reason: Reason = .state) {
        if reason == .state && pendingState.exchange(true, ordering: .acquiringAndReleasing) { return }
        let written = open.withLock { isOpen -> Bool in
            guard isOpen else { return true }
            var byte = reason.rawValue
            var result: Int
            repeat { result = write(writeFD, &byte, 1) } while result < 0 && errno == EINTR
            // A full pipe (EAGAIN) is unread bytes, so a wake is on its way; any other failure is not.
            return result == 1 || errno == EAGAIN
        }
        if reason == .state && !written { pendingState.store(false, ordering: .releasing) }
    }

    /// The engine asked for a `.tick` at `date` (typing lapses, countdowns): keep the earliest and re-plan the poll.
    func schedule(_ date: Date) {
        scheduled.withLock { current in current = min(current ?? date, date) }
        notify()
    }

    var scheduledWake: Date? { scheduled.withLock { $0 } }

    /// Whether the scheduled wake is due; clears it if so, since the tick it asks for is about to happen.
    func takeDueWake(now: Date) -> Bool {
        scheduled.withLock { wake in
            guard let date = wake, date <= now else { return false }
            wake = nil
            return true
        }
    }

    /// Reads everything pending and reports which reasons were seen; the caller reads the state after this.
    ///
    /// The flag is cleared after the last read, not before the first: cleared first, a notification landing
    /// between the two would set it again and write a byte that this very drain swallows, leaving the flag set
    /// over an empty pipe, and every later `.state` notification would be coalesced into nothing until some
    /// other byte (a key press, a signal) came along. Cleared last, a notification that found it set is covered
    /// by this drain: its change was made before it, so the render after this sees it (the exchange acquires it).
    /// Reasons in the order they came, one per byte: `.state` is coalesced when written, but two signals stay
    /// two (a quick double Ctrl+C must reach the loop as two interrupts, or it never quits).
    func drain() -> [Reason] {
        var reasons: [Reason] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { reader(readFD, $0.baseAddress!, $0.count) }
            guard count > 0 else { break }
            reasons += buffer[0..<count].compactMap(Reason.init(rawValue:))
        }
        _ = pendingState.exchange(false, ordering: .acquiringAndReleasing)
        return reasons
    }

    /// The engine may still call observers after the UI has gone; they must find a closed pipe, not a reused fd.
    func close() {
        open.withLock { isOpen in
            guard isOpen else { return }
            isOpen = false
            Glibc.close(readFD)
            Glibc.close(writeFD)
        }
    }
}
