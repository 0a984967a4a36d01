import ArgumentParser
import Foundation
import NatterCodecs
import NatterTransport
import Synchronization

/// `natter-bench noop-wake`: how soon a parked Zimbra `NoOpRequest wait="1"` comes back once a message for
/// its user is queued, side by side with the same message's push over a Realtime WebSocket to the same user
/// in the same round.
///
/// Each round: the receiver has one long poll parked and one WebSocket open; the sender posts IMSendMessage;
/// both arrivals are timed from just before that post. The difference between the columns is what the long
/// poll costs over a push (answering the held request, a new HTTP response, XML instead of JSON).
struct NoOpWakeBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "noop-wake", abstract: "Zimbra NoOp long-poll wake latency next to a Realtime push.")

    @Option(help: "Messages sent, one per round.")
    var rounds = 200

    @Option(help: "natterd binary (default: the one built next to natter-bench).")
    var natterd: String?

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        let binary =
            natterd
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("natterd").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("natter-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("natterd.sqlite").path
        for name in ["bench0", "bench1"] {
            try ServerBenchCommand.addUser(name, natterd: binary, database: database)
        }
        let server = try NatterdProcess(binary: binary, database: database)
        let endpoint = "http://127.0.0.1:\(server.port)/service/soap/"
        let receiver = try ZimbraBenchClient(user: "bench0", endpoint: endpoint)
        let sender = try ZimbraBenchClient(user: "bench1", endpoint: endpoint)
        let push = ServerBenchUser(
            name: "bench0", partner: "bench1", port: server.port, domain: ServerBenchCommand.domain)
        try push.connect(password: ServerBenchCommand.password, http: HTTPClient())
        defer { push.close() }

        var polls: [Int64] = []
        var pushes: [Int64] = []
        for round in 0..<rounds {
            let marker = "r=\(round);"
            let polled = Mutex<ContinuousClock.Instant?>(nil)
            let waiter = Thread {
                while polled.withLock({ $0 }) == nil {
                    guard let texts = try? receiver.poll() else { return }
                    if texts.contains(where: { $0.contains(marker) }) { polled.withLock { $0 = .now } }
                }
            }
            waiter.start()
            // Long enough for the poll to be parked on the server before the message is queued.
            Thread.sleep(forTimeInterval: 0.02)
            let start = ContinuousClock.now
            try sender.send(to: "bench0@\(ServerBenchCommand.domain)", text: marker)
            let pushed = try push.waitForChat(containing: marker, timeout: .seconds(10))
            let deadline = ContinuousClock.now + .seconds(10)
            while polled.withLock({ $0 }) == nil {
                guard ContinuousClock.now < deadline else { throw BenchError("round \(round): the poll never woke") }
                Thread.sleep(forTimeInterval: 0.0005)
            }
            polls.append(ServerBenchUser.nanoseconds(polled.withLock { $0! } - start))
            pushes.append(ServerBenchUser.nanoseconds(pushed - start))
        }
        print("natter-bench noop-wake: \(rounds) messages, one parked NoOp and one WebSocket per round")
        print("path                          p50 ms   p90 ms   p99 ms   max ms")
        for (label, values) in [("Zimbra NoOp wait=1 (wake)", polls), ("Realtime WebSocket (push)", pushes)] {
            let sorted = values.sorted()
            let cells = [0.5, 0.9, 0.99, 1.0].map { Self.milliseconds(sorted, $0) }
            print(label.padding(toLength: 28, withPad: " ", startingAt: 0) + cells.map { $0.leftPadded(9) }.joined())
        }
    }

    static func milliseconds(_ sorted: [Int64], _ quantile: Double) -> String {
        let index = min(sorted.count - 1, Int(Double(sorted.count) * quantile))
        return String(format: "%.2f", Double(sorted[index]) / 1e6)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
