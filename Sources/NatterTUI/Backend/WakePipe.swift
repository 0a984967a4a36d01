import Foundation
import Glibc
import Synchronization

/// The self-pipe that wakes the UI thread's `poll`: engine changes, scheduled wakes and signals all write a byte.
///
/// Engine notifications are coalesced (one byte until the loop drains), so a burst of adapter events costs one
/// wake-up and one render, not one each.
final class WakePipe: Sendable {
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

    init() throws(TerminalError) {
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
        open.withLock { isOpen in
            guard isOpen else { return }
            var byte = reason.rawValue
            _ = write(writeFD, &byte, 1)
        }
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

    /// Reads everything pending and reports which reasons were seen.
    func drain() -> Set<Reason> {
        pendingState.store(false, ordering: .releasing)
        var reasons = Set<Reason>()
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readFD, &buffer, buffer.count)
            guard count > 0 else { break }
            for byte in buffer[0..<count] { if let reason = Reason(rawValue: byte) { reasons.insert(reason) } }
        }
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
