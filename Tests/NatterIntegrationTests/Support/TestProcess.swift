import Foundation
import Synchronization

/// Paths and process helpers for tests that drive the real `natter` and `natterd` binaries.
enum TestProcess {
    static func binary(_ name: String) -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The runner may be inside `natterPackageTests.xctest/...`; walk up to the build products folder.
        for _ in 0..<4 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return directory.appendingPathComponent(name).path
    }

    static func temporaryDirectory(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("natter-\(label)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A loopback port that was free a moment ago.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                _ = bind(fd, generic, length)
                _ = getsockname(fd, generic, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Checks `condition` every `interval` until it holds or `timeout` seconds pass; one last check decides.
    static func poll(
        timeout: Double, interval: useconds_t = 20_000, until condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(interval)
        }
        return try condition()
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a command to completion with a time limit, capturing both streams unless `capture` is false.
    static func run(
        _ path: String, _ arguments: [String], environment: [String: String] = [:], timeout: Double = 60,
        capture: Bool = true
    ) throws -> Output {
        guard capture else {
            let child = try ChildProcess(path, arguments, environment: environment)
            let status = child.wait(timeout: timeout)
            if status == nil { child.stop() }
            return Output(status: status ?? -1, stdout: "", stderr: "")
        }
        let out = try Pipe.make()
        let err = try Pipe.make()
        let child = try ChildProcess(path, arguments, environment: environment, stdout: out.write, stderr: err.write)
        let stdout = Reader(out.read)
        let stderr = Reader(err.read)
        let status = child.wait(timeout: timeout)
        if status == nil { child.stop() }
        return Output(status: status ?? -1, stdout: stdout.text(), stderr: stderr.text())
    }

    enum Pipe {
        static func make() throws -> (read: Int32, write: Int32) {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw NatterdError(description: "pipe failed") }
            // Close-on-exec so only the child we hand them to (via dup2) keeps a copy.
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return (fds[0], fds[1])
        }
    }

    /// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
    final class Reader: Sendable {
        private let data = Mutex(Data())
        private let done = DispatchSemaphore(value: 0)

        init(_ fd: Int32) {
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = read(fd, &buffer, buffer.count)
                    if count <= 0 { break }
                    data.withLock { $0.append(contentsOf: buffer[0..<count]) }
                }
                close(fd)
                done.signal()
            }
        }

        /// Everything, once the writer has closed the pipe (or after 5 s).
        func text() -> String {
            _ = done.wait(timeout: .now() + 5)
            return snapshot()
        }

        /// What has arrived so far, without waiting for the end.
        func snapshot() -> String {
            data.withLock { String(decoding: $0, as: UTF8.self) }
        }

        /// Polls until the output contains `needle` or `timeout` passes; returns whether it did.
        func waitFor(_ needle: String, timeout: Double = 30) -> Bool {
            TestProcess.poll(timeout: timeout) { snapshot().contains(needle) }
        }
    }
}
