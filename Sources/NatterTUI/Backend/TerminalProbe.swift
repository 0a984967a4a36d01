import Glibc

/// Asks the terminal how wide it draws the emoji sequences terminals disagree on: prints each probe at the start
/// of a line, requests a cursor position report (`ESC [ 6 n`) and reads where the cursor went. Runs once at start,
/// before the first frame, with the terminal in cbreak mode and echo off; a terminal that does not answer within
/// the timeout leaves that width unmeasured.
enum TerminalProbe {
    static func clusterWidths(timeoutMilliseconds: Int32 = 400) -> ClusterWidths {
        var widths = ClusterWidths()
        for (kind, probe) in ClusterWidths.probes {
            write("\r" + probe + "\u{1B}[6n")
            widths.set(kind, readColumn(timeoutMilliseconds: timeoutMilliseconds).map { $0 - 1 })
        }
        write("\r\u{1B}[2K")
        return widths
    }

    private static func readColumn(timeoutMilliseconds: Int32) -> Int? {
        var reply: [UInt8] = []
        var remaining = timeoutMilliseconds
        while remaining > 0, reply.count < 32 {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let started = monotonicMilliseconds()
            guard poll(&descriptor, 1, remaining) > 0 else { return nil }
            var byte: UInt8 = 0
            guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
            reply.append(byte)
            if byte == UInt8(ascii: "R") { return ClusterWidths.column(fromCursorReport: reply) }
            remaining -= Int32(clamping: monotonicMilliseconds() - started)
        }
        return nil
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    private static func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
