import ArgumentParser
import NatterTransport

/// Drives the Autobahn|Testsuite fuzzingserver: one connection per case, echoing every message.
@main
struct AutobahnRunner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "natter-autobahn", abstract: "Run the Autobahn fuzzingserver cases against NatterTransport.")

    @Option(help: "Base URL of the fuzzingserver.")
    var url = "ws://127.0.0.1:9001"

    @Option(help: "Case range to run, e.g. 1-10 (1-based case indexes); default all.")
    var cases: String?

    @Option(help: "Agent name reported to the server.")
    var agent = "natter"

    func run() throws {
        let count = try caseCount()
        var range = 1...count
        if let cases {
            let bounds = cases.split(separator: "-").compactMap { Int($0) }
            guard let lower = bounds.first, let upper = bounds.last, lower >= 1, lower <= upper else {
                throw ValidationError("--cases must look like A-B")
            }
            range = lower...min(upper, count)
        }
        // The runner tolerates timeouts per case; a large close timeout would only slow failures down.
        let configuration = WebSocketConfiguration(
            maxMessageSize: 64 * 1024 * 1024, maxFrameSize: 64 * 1024 * 1024, closeTimeout: .seconds(2))
        for index in range {
            do {
                try echo(case: index, configuration: configuration)
            } catch {
                print("case \(index): \(error)")
            }
        }
        let reports = try WebSocketConnection.connect(url: "\(url)/updateReports?agent=\(agent)")
        _ = try? reports.receive(timeout: .seconds(30))
        reports.close()
        print("ran \(range.count) cases")
    }

    private func caseCount() throws -> Int {
        let connection = try WebSocketConnection.connect(url: "\(url)/getCaseCount")
        defer { connection.close() }
        guard case .message(.text(let text)) = try connection.receive(timeout: .seconds(10)), let count = Int(text)
        else {
            throw ValidationError("no case count from \(url)")
        }
        return count
    }

    private func echo(case index: Int, configuration: WebSocketConfiguration) throws {
        let connection = try WebSocketConnection.connect(
            url: "\(url)/runCase?case=\(index)&agent=\(agent)", configuration: configuration)
        while true {
            guard let event = try connection.receive(timeout: .seconds(60)) else {
                connection.close()
                return
            }
            switch event {
            case .message(let message): try connection.send(message)
            case .closed: return
            }
        }
    }
}
