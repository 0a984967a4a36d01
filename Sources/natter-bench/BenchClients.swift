import Foundation
import NatterTransport

#if canImport(Glibc)
import Glibc
#endif

/// One client's measurement of one workload.
struct BenchResult {
    var messages: Int
    var payloadBytes: Int
    var seconds: Double

    var messagesPerSecond: Double { Double(messages) / seconds }
    var megabytesPerSecond: Double { Double(payloadBytes) / seconds / 1_000_000 }
}

enum BenchClients {
    static func natter(port: Int) throws -> BenchResult {
        let configuration = WebSocketConfiguration(maxMessageSize: 1 << 30, maxFrameSize: 1 << 30)
        let connection = try WebSocketConnection.connect(url: "ws://127.0.0.1:\(port)/", configuration: configuration)
        let start = ContinuousClock.now
        var messages = 0
        var bytes = 0
        loop: while true {
            switch try connection.receive(timeout: .seconds(30)) {
            case .message(.text(let text)):
                messages += 1
                bytes += text.utf8.count
            case .message(.binary(let data)):
                messages += 1
                bytes += data.count
            case .closed, nil:
                break loop
            }
        }
        return BenchResult(messages: messages, payloadBytes: bytes, seconds: seconds(since: start))
    }

    /// The same byte stream read with plain recv(2) into a reused buffer: the ceiling for any client.
    static func rawTCP(port: Int, count: Int, size: Int) throws -> BenchResult {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw BenchError("connect failed") }
        _ = "RAW\n".withCString { send(fd, $0, 4, 0) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        let start = ContinuousClock.now
        var total = 0
        while true {
            let received = recv(fd, buffer.baseAddress, buffer.count, 0)
            if received <= 0 { break }
            total += received
        }
        let elapsed = seconds(since: start)
        let headerBytes = size < 126 ? 2 : (size < 65536 ? 4 : 10)
        guard total == count * (size + headerBytes) else { throw BenchError("raw read \(total) bytes") }
        return BenchResult(messages: count, payloadBytes: count * size, seconds: elapsed)
    }

    /// Python `websockets` in the venv; the script reports its own receive-loop timing.
    static func pythonWebSockets(python: String, script: String, port: Int) throws -> BenchResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "ws://127.0.0.1:\(port)/"]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: output, as: UTF8.self).split(separator: " ")
        guard process.terminationStatus == 0, fields.count == 3, let messages = Int(fields[0]),
            let bytes = Int(fields[1]),
            let seconds = Double(fields[2].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw BenchError("websockets client failed: \(String(decoding: output, as: UTF8.self))")
        }
        return BenchResult(messages: messages, payloadBytes: bytes, seconds: seconds)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
