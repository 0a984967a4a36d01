import Foundation
import Synchronization

/// A real `natterd` child process on a loopback port with a temporary database.
final class NatterdProcess: @unchecked Sendable {
    let port: Int
    let directory: String
    private let process: ChildProcess

    let scheme: String
    var url: String { "\(scheme)://127.0.0.1:\(port)" }

    /// `logPath`, when given, collects the server's log (its stderr), appended across restarts.
    init(
        demo: Bool = true, port: Int? = nil, directory: String? = nil, arguments: [String] = [],
        scheme: String = "http",
        logPath: String? = nil
    )
        throws
    {
        self.scheme = scheme
        let directory = try directory ?? TestProcess.temporaryDirectory("natterd")
        self.directory = directory
        // One start at a time: a port that `freePort` just released can be handed to a second test starting in
        // parallel, and its "listening" check would then be answered by the first test's server.
        let started = try Self.starting.withLock { _ in
            try Self.start(demo: demo, port: port, directory: directory, arguments: arguments, logPath: logPath)
        }
        self.port = started.port
        self.process = started.process
    }

    private static let starting = Mutex(())

    /// bcrypt at the cheapest cost unless a test asks for another: every client signs in at five doors, and the
    /// default cost of natterd's own passwords would make a loaded test run wait on hashing, not on what it tests.
    private static func cheapHashing(unless arguments: [String]) -> [String] {
        arguments.contains("--bcrypt-cost") ? [] : ["--bcrypt-cost", "4"]
    }

    private static func start(
        demo: Bool, port: Int?, directory: String, arguments: [String], logPath: String?
    ) throws -> (port: Int, process: ChildProcess) {
        var lastError: (any Error)?
        for _ in 0..<5 {
            let candidate = port ?? TestProcess.freePort()
            let log = logPath.map { open($0, O_WRONLY | O_CREAT | O_APPEND, 0o644) }
            if let log, log < 0 { throw NatterdError(description: "cannot open \(logPath ?? "")") }
            let process = try ChildProcess(
                TestProcess.binary("natterd"),
                ["--host", "127.0.0.1", "--port", String(candidate), "--db", directory + "/natterd.sqlite"]
                    + (demo ? ["--demo"] : []) + Self.cheapHashing(unless: arguments) + arguments, stderr: log)
            if Self.waitUntilListening(port: candidate, process: process) && process.isRunning {
                return (candidate, process)
            }
            process.stop()
            lastError = NatterdError(description: "natterd did not start listening on port \(candidate)")
            if port != nil { break }
        }
        throw lastError ?? NatterdError(description: "natterd did not start")
    }

    /// Stops the server as a crash would look to clients (SIGKILL): no close frames, no goodbyes.
    func kill() {
        process.signal(SIGKILL)
        process.wait()
    }

    func stop() { process.stop() }

    deinit { stop() }

    private static func waitUntilListening(port: Int, process: ChildProcess) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && process.isRunning {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return true }
            usleep(50_000)
        }
        return false
    }
}

struct NatterdError: Error, CustomStringConvertible {
    let description: String
}
