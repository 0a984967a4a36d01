import ArgumentParser
import Foundation
import NatterTransport

/// `natter-bench server`: natterd's chat throughput over the Realtime door with many users on loopback.
///
/// Users chat in pairs; each keeps a window of unacknowledged chats in flight, so the server, not the round
/// trip, sets the pace. The figure that matters is natterd's CPU time per delivered message: on a 2-core
/// machine the bench's own clients share the CPU, so messages/s alone says less.
struct ServerBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server", abstract: "natterd throughput, latency and CPU per message with many chatting users.")

    @Option(help: "Users logged in; they chat in pairs, so an odd count is rounded up.")
    var users = 100

    @Option(help: "Chats each user sends to its partner.")
    var messages = 300

    @Option(help: "Unacknowledged chats a user keeps in flight.")
    var window = 8

    @Option(help: "natterd binary (default: the one built next to natter-bench).")
    var natterd: String?

    @Option(help: "Give up after this many seconds.")
    var timeout = 300

    func validate() throws {
        guard users >= 2, messages >= 1, window >= 1, timeout >= 1 else {
            throw ValidationError("--users needs at least 2; --messages, --window and --timeout at least 1")
        }
    }

    func run() throws {
        let count = users + users % 2
        let binary =
            natterd
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("natterd").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("natter-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("natterd.sqlite").path
        let names = (0..<count).map { "bench\($0)" }
        // Through the binary under test, so each natterd hashes passwords its own way.
        for name in names { try Self.addUser(name, natterd: binary, database: database) }

        let server = try NatterdProcess(binary: binary, database: database)
        let http = HTTPClient()
        let clients = names.indices.map { index in
            ServerBenchUser(
                name: names[index], partner: names[index ^ 1], port: server.port, domain: Self.domain)
        }
        for client in clients { try client.connect(password: Self.password, http: http) }
        defer { for client in clients { client.close() } }

        let cpuBefore = try server.cpuSeconds()
        let clientCPUBefore = try NatterdProcess.cpuSeconds(statPath: "/proc/self/stat")
        let epoch = ContinuousClock.now
        let deadline = epoch + .seconds(timeout)
        let group = DispatchGroup()
        for client in clients {
            group.enter()
            let thread = Thread {
                client.run(count: messages, expected: messages, window: window, epoch: epoch, deadline: deadline)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        let cpu = try server.cpuSeconds() - cpuBefore
        let clientCPU = try NatterdProcess.cpuSeconds(statPath: "/proc/self/stat") - clientCPUBefore
        if let failed = clients.first(where: { $0.failure != nil }) {
            throw BenchError("\(failed.name) failed: \(failed.failure ?? "")")
        }
        let end = clients.compactMap(\.finishedAt).max() ?? ContinuousClock.now
        let seconds = Double(ServerBenchUser.nanoseconds(end - epoch)) / 1e9
        let delivered = clients.map(\.received).reduce(0, +)
        let latencies = clients.flatMap(\.latencies).sorted()
        print("users: \(count), chats per user: \(messages), window: \(window), natterd: \(binary)")
        print("delivered        \(delivered) chats in \(String(format: "%.2f", seconds)) s")
        print("throughput       \(String(format: "%.0f", Double(delivered) / seconds)) messages/s")
        print(
            "latency          p50 \(Self.milliseconds(latencies, 0.50)) ms, p99 \(Self.milliseconds(latencies, 0.99)) ms"
        )
        print("natterd CPU      \(String(format: "%.3f", cpu * 1000 / Double(delivered))) ms per message")
        print("bench CPU        \(String(format: "%.3f", clientCPU * 1000 / Double(delivered))) ms per message")
    }

    static let domain = "natter.test"
    static let password = "bench-password"

    static func addUser(_ name: String, natterd: String, database: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: natterd)
        process.arguments = ["adduser", name, "--db", database, "--log-level", "warning"]
        process.environment = ["NATTER_PASSWORD": password]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("natterd adduser \(name) failed") }
    }

    private static func milliseconds(_ sorted: [Int64], _ quantile: Double) -> String {
        guard !sorted.isEmpty else { return "-" }
        let index = min(sorted.count - 1, Int(Double(sorted.count) * quantile))
        return String(format: "%.2f", Double(sorted[index]) / 1e6)
    }

}
