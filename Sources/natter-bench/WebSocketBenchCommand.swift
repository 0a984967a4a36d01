import ArgumentParser
import Foundation

/// `natter-bench ws`: receive throughput of our WebSocket client against Python `websockets` and a
/// raw TCP read of the identical byte stream, for small and large frames.
struct WebSocketBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ws", abstract: "Benchmark the WebSocket client's receive path.")

    @Option(help: "Number of 64-byte text frames.")
    var smallCount = 1_000_000

    @Option(help: "Number of 64 KiB binary frames.")
    var largeCount = 20_000

    @Option(help: "Runs per client and workload; the fastest counts, which filters out noise from other load.")
    var runs = 3

    @Option(help: "Directory holding server.py and client_websockets.py.")
    var scripts = Self.defaultScriptDirectory

    @Option(help: "Virtualenv for the Python websockets client; created with pip if missing.")
    var venv = "/tmp/natter-bench-venv"

    @Flag(help: "Skip the Python websockets client.")
    var skipWebsockets = false

    private static var defaultScriptDirectory: String {
        // Sources/natter-bench/<file> → repository root → Benchmarks/ws
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/ws").path
    }

    private struct Workload {
        var name: String
        var count: Int
        var size: Int
        var binary: Bool
    }

    func run() throws {
        let python = skipWebsockets ? nil : try ensureVenv()
        let workloads = [
            Workload(name: "64 B text", count: smallCount, size: 64, binary: false),
            Workload(name: "64 KiB binary", count: largeCount, size: 64 * 1024, binary: true),
        ]
        print("workload        client       messages/s        MB/s    seconds")
        var rows: [String: [String: BenchResult]] = [:]
        for workload in workloads {
            let server = try BenchServerProcess(
                script: scripts + "/server.py", count: workload.count, size: workload.size, binary: workload.binary)
            let clients: [(String, () throws -> BenchResult)] = [
                ("natter", { try BenchClients.natter(port: server.port) }),
                (
                    "websockets",
                    {
                        try BenchClients.pythonWebSockets(
                            python: python ?? "", script: scripts + "/client_websockets.py", port: server.port)
                    }
                ),
                ("raw TCP", { try BenchClients.rawTCP(port: server.port, count: workload.count, size: workload.size) }),
            ]
            var results: [(String, BenchResult)] = []
            for (client, measure) in clients where client != "websockets" || python != nil {
                var best = try measure()
                for _ in 1..<max(1, runs) {
                    let next = try measure()
                    if next.seconds < best.seconds { best = next }
                }
                results.append((client, best))
            }
            for (client, result) in results {
                guard result.messages == workload.count else {
                    throw BenchError("\(client) received \(result.messages) of \(workload.count) messages")
                }
                rows[workload.name, default: [:]][client] = result
                print(
                    pad(workload.name, 16) + pad(client, 11) + pad(format(result.messagesPerSecond, 0), 14, right: true)
                        + pad(format(result.megabytesPerSecond, 1), 12, right: true)
                        + pad(format(result.seconds, 3), 11, right: true))
            }
        }
        print("")
        for workload in workloads {
            guard let row = rows[workload.name], let natter = row["natter"], let raw = row["raw TCP"] else { continue }
            if let websockets = row["websockets"] {
                print(
                    "\(workload.name): natter / websockets = \(format(natter.messagesPerSecond / websockets.messagesPerSecond, 2))×"
                )
            }
            print(
                "\(workload.name): raw TCP time / natter time = \(format(raw.seconds / natter.seconds, 2)) (1.0 = as fast as raw)"
            )
        }
    }

    private func ensureVenv() throws -> String {
        let python = venv + "/bin/python3"
        if shell([python, "-c", "import websockets"]) == 0 { return python }
        print("installing websockets into \(venv) …")
        guard shell(["/usr/bin/env", "python3", "-m", "venv", venv]) == 0,
            shell([venv + "/bin/pip", "install", "-q", "websockets"]) == 0
        else {
            throw BenchError("could not create \(venv) with websockets; pass --skip-websockets")
        }
        return python
    }

    private func shell(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
