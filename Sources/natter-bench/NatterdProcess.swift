import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A natterd child process on loopback with a temporary port, and its CPU time from /proc.
final class NatterdProcess {
    let port: Int
    private let process: Process
    private let drain: Thread

    /// Starts `binary serve` on `database` and waits for the "natterd listening" log line that names the port.
    init(binary: String, database: String, extraArguments: [String] = []) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            ["serve", "--host", "127.0.0.1", "--port", "0", "--db", database, "--log-level", "info"] + extraArguments
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let reader = stderr.fileHandleForReading
        var text = ""
        var found: Int?
        while found == nil {
            let chunk = reader.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
            found = NatterdProcess.port(inLog: text)
        }
        guard let port = found else {
            process.terminate()
            throw BenchError("natterd did not start: \(text)")
        }
        self.port = port
        // Keep reading so a chatty log never blocks the server on a full pipe.
        drain = Thread {
            while !reader.availableData.isEmpty {}
        }
        drain.start()
    }

    deinit {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// User plus system CPU time of the server so far.
    func cpuSeconds() throws -> Double {
        try NatterdProcess.cpuSeconds(statPath: "/proc/\(pid)/stat")
    }

    static func cpuSeconds(statPath: String) throws -> Double {
        let stat = try String(contentsOfFile: statPath, encoding: .utf8)
        // Fields after the parenthesised command name, which may itself contain spaces.
        guard let close = stat.lastIndex(of: ")") else { throw BenchError("unreadable \(statPath)") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // utime and stime are fields 14 and 15 of stat(5); the slice starts at field 3.
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError("unreadable \(statPath)")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func port(inLog text: String) -> Int? {
        guard let line = text.split(separator: "\n").first(where: { $0.contains("natterd listening") }),
            let range = line.range(of: "127.0.0.1:")
        else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }
}
