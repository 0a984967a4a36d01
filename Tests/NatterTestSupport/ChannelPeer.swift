import Foundation
import NatterCodecs
import NatterTransport
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Channels test client over natter's own WebSocket client: logs in like any client, connects to
/// `/messaging` with the bearer token, and queues what the server sends so tests wait for frames by content.
///
/// The blocking receive runs on a thread of its own, never on the cooperative pool, so an in-process server
/// on a two-core machine is not starved by its test clients.
public final class ChannelPeer: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private struct Inbox {
        var frames: [ChannelServerMessage] = []
        var closed: (code: UInt16?, reason: String)?
    }

    public let address: String
    private let connection: WebSocketConnection
    private let inbox = Mutex(Inbox())
    private let counter = Mutex(0)

    private init(address: String, connection: WebSocketConnection) {
        self.address = address
        self.connection = connection
    }

    /// `POST …/User.Login` with Basic credentials (the demo convention: password = name); the session id.
    public static func login(port: Int, user: String, password: String? = nil) async throws -> String {
        var request = URLRequest(
            url: URL(string: "http://127.0.0.1:\(port)/api/1/odata.svc/User.Login(client='tests')")!)
        request.httpMethod = "POST"
        let credentials = Data("\(user):\(password ?? user)".utf8).base64EncodedString()
        request.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let d = object["d"] as? [String: Any], let session = d["sessionId"] as? String
        else { throw Failure(description: "login of \(user) failed: \(String(decoding: data, as: UTF8.self))") }
        return session
    }

    /// Logs `user` in and connects.
    public static func connect(port: Int, user: String, domain: String = "natter.test") async throws -> ChannelPeer {
        let token = try await login(port: port, user: user)
        return try await connect(port: port, token: token, address: "\(user)@\(domain)")
    }

    /// Connects with a given bearer token (`nil`: no Authorization header); the upgrade's failure is thrown.
    public static func connect(port: Int, token: String?, address: String = "") async throws -> ChannelPeer {
        var configuration = WebSocketConfiguration(connectTimeout: .seconds(15))
        if let token { configuration.additionalHeaders = [("Authorization", "Bearer \(token)")] }
        let connection = try await withCheckedThrowingContinuation { [configuration] continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try WebSocketConnection.connect(
                            url: "ws://127.0.0.1:\(port)/messaging", configuration: configuration)
                    })
            }.start()
        }
        let peer = ChannelPeer(address: address, connection: connection)
        let thread = Thread { peer.readLoop() }
        thread.start()
        return peer
    }

    private func readLoop() {
        while true {
            do {
                switch try connection.receive(timeout: .milliseconds(200)) {
                case nil:
                    continue
                case .message(.text(let text)):
                    let message = try ChannelCodec.decodeServerMessage(text)
                    inbox.withLock { $0.frames.append(message) }
                case .message(.binary):
                    continue
                case .closed(let code, let reason):
                    inbox.withLock { $0.closed = (code, reason) }
                    return
                }
            } catch {
                inbox.withLock { $0.closed = (nil, "\(error)") }
                return
            }
        }
    }

    /// A fresh request id.
    public func nextID() -> String {
        counter.withLock { count in
            count += 1
            return "r\(count)"
        }
    }

    public func send(_ message: ChannelClientMessage) throws {
        try connection.send(.text(ChannelCodec.encode(message)))
    }

    public func send(raw text: String) throws {
        try connection.send(.text(text))
    }

    public func send(binary bytes: [UInt8]) throws {
        try connection.send(.binary(bytes))
    }

    /// Removes and returns the first queued frame `matching`, waiting up to `timeout` for it to arrive.
    public func next(
        _ what: String = "a frame", timeout: Duration = .seconds(10),
        matching predicate: @Sendable (ChannelServerMessage) -> Bool = { _ in true }
    ) async throws -> ChannelServerMessage {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = inbox.withLock { inbox -> ChannelServerMessage? in
                guard let index = inbox.frames.firstIndex(where: predicate) else { return nil }
                return inbox.frames.remove(at: index)
            }
            if let found { return found }
            if let closed = inbox.withLock({ $0.closed }) {
                throw Failure(description: "\(address): connection closed (\(closed)) while waiting for \(what)")
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(
                    description:
                        "\(address): timed out waiting for \(what); \(pending.count) frames queued, the last: \(pending.suffix(3))"
                )
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The ack answering request `id`.
    public func ack(_ id: String) async throws -> ChannelAck {
        guard case .ack(let ack) = try await next("ack \(id)", matching: { $0.asAck?.replyTo == id }) else {
            throw Failure(description: "unreachable")
        }
        return ack
    }

    /// Sends `message` (which must carry an id) and returns its ack.
    public func request(_ message: ChannelClientMessage) async throws -> ChannelAck {
        try send(message)
        return try await ack(message.id ?? "")
    }

    /// Round-trips a `list-channels`: every frame the server queued for this connection before it is then here.
    public func sync(timeout: Duration = .seconds(10)) async throws {
        let id = nextID()
        try send(.listChannels(id: id))
        _ = try await next("ack \(id)", timeout: timeout) { $0.asAck?.replyTo == id }
        _ = try await next("channel-list \(id)") { $0.asChannelList?.replyTo == id }
    }

    /// Queued frames that match, without removing them.
    public func queued(matching predicate: (ChannelServerMessage) -> Bool) -> [ChannelServerMessage] {
        inbox.withLock { $0.frames.filter(predicate) }
    }

    public var pending: [ChannelServerMessage] { inbox.withLock { $0.frames } }

    public func drain() { inbox.withLock { $0.frames.removeAll() } }

    /// Waits until the server closes the connection; its close code.
    public func closed(timeout: Duration = .seconds(10)) async throws -> UInt16? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let closed = inbox.withLock({ $0.closed }) { return closed.code }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw Failure(description: "\(address): the connection stayed open")
    }

    /// Starts the close handshake on a thread of its own: waiting for the server's answer here would hold a
    /// cooperative thread that an in-process server may need to give it.
    public func close() {
        Thread { [connection] in connection.close() }.start()
    }
}

extension ChannelServerMessage {
    public var asAck: ChannelAck? {
        if case .ack(let ack) = self { return ack }
        return nil
    }

    public var asChannelList: ChannelList? {
        if case .channelList(let list) = self { return list }
        return nil
    }

    public var asDelivery: ChannelDelivery? {
        if case .delivery(let delivery) = self { return delivery }
        return nil
    }

    public var asInvitation: ChannelInvitation? {
        if case .invitation(let invitation) = self { return invitation }
        return nil
    }

    public var asMessage: ChannelMessage? {
        if case .message(let message) = self { return message }
        return nil
    }

    public var asDirectory: ChannelDirectory? {
        if case .channelDirectory(let directory) = self { return directory }
        return nil
    }

    public var asUnsubscription: ChannelUnsubscription? {
        if case .unsubscription(let unsubscription) = self { return unsubscription }
        return nil
    }

    public var asMemberStatus: ChannelMemberStatus? {
        if case .memberStatus(let status) = self { return status }
        return nil
    }

    public var asArchiveRetrieval: ChannelArchiveRetrieval? {
        if case .archiveRetrieval(let retrieval) = self { return retrieval }
        return nil
    }
}
