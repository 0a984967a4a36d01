import Foundation
import NatterTransport

/// One benchmark user: logs in over HTTP, authenticates its Realtime WebSocket, then chats with its partner
/// keeping at most `window` chats unacknowledged, on a thread of its own (the client is blocking).
final class ServerBenchUser: @unchecked Sendable {
    // Written only by this user's thread between `start` and the end of `run`; read after `join` returns.
    let name: String
    let partner: String
    private let port: Int
    private let domain: String
    private var connection: WebSocketConnection?
    private(set) var latencies: [Int64] = []
    private(set) var received = 0
    private(set) var failure: String?
    private(set) var finishedAt: ContinuousClock.Instant?

    init(name: String, partner: String, port: Int, domain: String) {
        self.name = name
        self.partner = partner
        self.port = port
        self.domain = domain
    }

    /// Ryver login, WebSocket connect and `auth`, waiting for its ack.
    func connect(password: String, http: HTTPClient) throws {
        let response = try http.perform(
            HTTPRequest(
                method: .post, url: "http://127.0.0.1:\(port)/api/1/odata.svc/User.Login(client='bench')",
                credentials: HTTPCredentials(username: name, password: password)))
        guard response.isSuccess,
            let body = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let d = body["d"] as? [String: Any], let session = d["sessionId"] as? String
        else { throw BenchError("login of \(name) failed: \(response.status) \(response.bodyText)") }
        let connection = try WebSocketConnection.connect(url: "ws://127.0.0.1:\(port)/realtime")
        try connection.send(
            .text(
                #"{"type":"auth","id":"auth","authorization":"Session \#(session)","agent":"natter-bench","resource":"bench"}"#
            ))
        while true {
            guard case .message(.text(let frame)) = try connection.receive(timeout: .seconds(30)) else {
                throw BenchError("\(name): no auth ack")
            }
            if frame.contains(#""type":"error""#) { throw BenchError("\(name): auth refused: \(frame)") }
            if frame.contains(#""reply_to":"auth""#) { break }
        }
        self.connection = connection
    }

    /// Sends `count` chats to the partner and receives the partner's `expected` chats. Each chat carries its
    /// send time on `clock` so the receiver (in this same process) measures the delivery latency.
    func run(count: Int, expected: Int, window: Int, epoch: ContinuousClock.Instant, deadline: ContinuousClock.Instant)
    {
        guard let connection else { return }
        let to = "\(partner)@\(domain)"
        var sent = 0
        var acked = 0
        latencies.reserveCapacity(expected)
        do {
            while acked < count || received < expected {
                while sent < count && sent - acked < window {
                    let nanos = Self.nanoseconds(ContinuousClock.now - epoch)
                    sent += 1
                    try connection.send(
                        .text(#"{"type":"chat","id":"\#(sent)","to":"\#(to)","text":"t=\#(nanos)"}"#))
                }
                guard ContinuousClock.now < deadline else {
                    throw BenchError(
                        "\(name): deadline passed with \(acked)/\(count) acked, \(received)/\(expected) received")
                }
                switch try connection.receive(timeout: .seconds(5)) {
                case .message(.text(let frame)):
                    if frame.contains(#""type":"ack""#) {
                        acked += 1
                    } else if frame.contains(#""type":"chat""#), let sentAt = Self.sendTime(in: frame) {
                        received += 1
                        latencies.append(Self.nanoseconds(ContinuousClock.now - epoch) - sentAt)
                    } else if frame.contains(#""type":"error""#) {
                        throw BenchError("\(name): \(frame)")
                    }
                case .message(.binary):
                    throw BenchError("\(name): unexpected binary frame")
                case .closed(let code, let reason):
                    throw BenchError("\(name): closed \(code.map(String.init) ?? "-") \(reason)")
                case nil:
                    continue
                }
            }
            finishedAt = ContinuousClock.now
        } catch {
            failure = "\(error)"
        }
    }

    func close() { connection?.close() }

    /// Reads frames until a chat containing `text` arrives; returns when it did (the noop-wake baseline).
    func waitForChat(containing text: String, timeout: Duration) throws -> ContinuousClock.Instant {
        guard let connection else { throw BenchError("\(name): not connected") }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let event = try connection.receive(timeout: deadline - ContinuousClock.now)
            if case .message(.text(let frame)) = event, frame.contains(#""type":"chat""#), frame.contains(text) {
                return .now
            }
        }
        throw BenchError("\(name): no chat containing \(text)")
    }

    /// The nanosecond stamp after `"text":"t=`; a cheap scan, so the client spends its CPU on the protocol.
    static func sendTime(in frame: String) -> Int64? {
        guard let start = frame.range(of: #""text":"t="#) else { return nil }
        return Int64(frame[start.upperBound...].prefix { $0.isNumber })
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}
