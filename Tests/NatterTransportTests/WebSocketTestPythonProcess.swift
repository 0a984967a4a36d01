import Foundation
import NatterTestSupport

/// Runs a Python 3 helper script that prints its listening port as the first stdout line. The
/// helper exits when its stdin closes, so a crashed test run cannot leave it behind.
final class WebSocketTestPythonProcess {
    let port: Int
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private var pending = Data()

    init(script: String, arguments: [String] = []) throws {
        let directory = try WebSocketTestDirectory()
        let path = directory.path + "/helper.py"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path] + arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        guard let line = Self.readLine(from: stdout, pending: &pending), let port = Int(line) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilGone()
    }

    /// The helper's next stdout line; blocks until it is printed.
    func nextLine() -> String? {
        Self.readLine(from: stdout, pending: &pending)
    }

    private static func readLine(from pipe: Pipe, pending: inout Data) -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line.trimmingCharacters(in: .whitespaces)
            }
            let chunk = pipe.fileHandleForReading.availableData
            guard !chunk.isEmpty else { return nil }
            pending.append(chunk)
        }
    }
}
