import Foundation
import Hummingbird
import HummingbirdWSClient
import Logging
import NatterCodecs
import Testing

/// A test client for the Realtime WebSocket: HummingbirdWSClient underneath, with a queue of received
/// frames and timeouts, so a missing frame fails a test instead of hanging it.
actor RealtimePeer {
    enum Frame: Sendable {
        case text(String)
        case binary([UInt8])
        case close
    }

    private var buffer: [RealtimeMessage] = []
    private var rawBuffer: [String] = []
    private var waiter: CheckedContinuation<Void, Never>?
    private var closed = false
    private(set) var closeCode: String?
    private(set) var closeReason: String?
    private(set) var jid = ""
    private var syncCount = 0
    private let outbound: AsyncStream<Frame>.Continuation
    private var task: Task<Void, Never>?

    private init(outbound: AsyncStream<Frame>.Continuation) {
        self.outbound = outbound
    }

    static func connect(port: Int) async throws -> RealtimePeer {
        let (frames, outbound) = AsyncStream<Frame>.makeStream()
        let peer = RealtimePeer(outbound: outbound)
        let (connected, connectedSink) = AsyncStream<Void>.makeStream()
        let logger = Logger(label: "test-peer")
        let task = Task {
            do {
                let closeFrame = try await WebSocketClient.connect(
                    url: "ws://127.0.0.1:\(port)/realtime",
                    configuration: .init(maxFrameSize: 1 << 22, autoPing: .disabled), logger: logger
                ) { inbound, writer, _ in
                    connectedSink.yield()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await frame in frames {
                                switch frame {
                                case .text(let text): try await writer.write(.text(text))
                                case .binary(let bytes): try await writer.write(.binary(ByteBuffer(bytes: bytes)))
                                case .close:
                                    try await writer.close(.normalClosure, reason: nil)
                                    return
                                }
                            }
                        }
                        for try await message in inbound.messages(maxSize: 1 << 22) {
                            if case .text(let text) = message { await peer.receive(text) }
                        }
                        group.cancelAll()
                    }
                }
                await peer.didClose(
                    code: closeFrame.map { String(describing: $0.closeCode) }, reason: closeFrame?.reason)
            } catch {
                await peer.didClose(code: nil, reason: nil)
            }
            connectedSink.finish()
        }
        await peer.setTask(task)
        for await _ in connected { break }
        return peer
    }

    private func setTask(_ task: Task<Void, Never>) { self.task = task }

    func setJID(_ jid: String) { self.jid = jid }

    var bareJID: String { String(jid.split(separator: "/").first ?? "") }

    private func receive(_ text: String) {
        rawBuffer.append(text)
        do {
            buffer.append(try RealtimeCodec.decode(text))
        } catch {
            Issue.record("server sent undecodable frame \(text): \(error)")
        }
        waiter?.resume()
        waiter = nil
    }

    private func didClose(code: String?, reason: String?) {
        closed = true
        closeCode = code
        closeReason = reason
        waiter?.resume()
        waiter = nil
    }

    func send(_ message: RealtimeMessage) { outbound.yield(.text(RealtimeCodec.encode(message))) }
    func sendRaw(_ text: String) { outbound.yield(.text(text)) }
    func sendBinary(_ bytes: [UInt8]) { outbound.yield(.binary(bytes)) }

    func close() async {
        outbound.yield(.close)
        outbound.finish()
        await task?.value
    }

    var isClosed: Bool { closed }

    /// Waits until the connection has closed (or `timeout` passes) and returns the close code.
    func waitForClose(timeout: Duration = .seconds(5)) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while !closed, ContinuousClock.now < deadline { await waitForFrame(until: deadline) }
        return closeCode
    }

    /// The next frame, failing after `timeout`.
    func next(timeout: Duration = .seconds(5)) async throws -> RealtimeMessage {
        let deadline = ContinuousClock.now + timeout
        while buffer.isEmpty {
            guard !closed, ContinuousClock.now < deadline else { throw PeerError.timedOut(jid) }
            await waitForFrame(until: deadline)
        }
        return buffer.removeFirst()
    }

    /// Drops frames until one matches; fails after `timeout`.
    func skip(
        until matches: @Sendable (RealtimeMessage) -> Bool, timeout: Duration = .seconds(5)
    ) async throws -> RealtimeMessage {
        let deadline = ContinuousClock.now + timeout
        while true {
            let message = try await next(timeout: deadline - ContinuousClock.now)
            if matches(message) { return message }
        }
    }

    func nextAck(timeout: Duration = .seconds(5)) async throws -> RealtimeAck {
        let message = try await next(timeout: timeout)
        guard case .ack(let ack) = message else { throw PeerError.unexpected(message) }
        return ack
    }

    func nextError(timeout: Duration = .seconds(5)) async throws -> RealtimeErrorMessage {
        let message = try await next(timeout: timeout)
        guard case .error(let error) = message else { throw PeerError.unexpected(message) }
        return error
    }

    /// Every frame queued for this connection so far, ended by a ping and its ack.
    ///
    /// The server queues a connection's frames in the order it produced them, so once another connection's
    /// request has been acked, whatever that request sent here precedes this ping's ack. That makes "nothing
    /// was sent" checkable without sleeping for a guessed window.
    func sync(timeout: Duration = .seconds(5)) async throws -> [RealtimeMessage] {
        syncCount += 1
        let id = "sync-\(syncCount)"
        send(.ping(id: id))
        var frames: [RealtimeMessage] = []
        let deadline = ContinuousClock.now + timeout
        while true {
            let message = try await next(timeout: deadline - ContinuousClock.now)
            if case .ack(let ack) = message, ack.replyTo == id { return frames }
            frames.append(message)
        }
    }

    /// The frames up to and including the first that matches; fails after `timeout`.
    func collect(
        until matches: @Sendable (RealtimeMessage) -> Bool, timeout: Duration = .seconds(5)
    ) async throws -> [RealtimeMessage] {
        let deadline = ContinuousClock.now + timeout
        var frames: [RealtimeMessage] = []
        while true {
            let message = try await next(timeout: deadline - ContinuousClock.now)
            frames.append(message)
            if matches(message) { return frames }
        }
    }

    /// Frames that arrive within `duration`. Only for timer-driven senders (the demo peers) that offer no
    /// sync point; everything else uses `sync()`.
    func drain(for duration: Duration) async -> [RealtimeMessage] {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline, !closed { await waitForFrame(until: deadline) }
        defer { buffer.removeAll() }
        return buffer
    }

    private func waitForFrame(until deadline: ContinuousClock.Instant) async {
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline)
            await self?.wake()
        }
        await withCheckedContinuation { continuation in
            if closed {
                continuation.resume()
            } else {
                waiter = continuation
            }
        }
        timer.cancel()
    }

    private func wake() {
        waiter?.resume()
        waiter = nil
    }

    enum PeerError: Error, CustomStringConvertible {
        case timedOut(String)
        case unexpected(RealtimeMessage)

        var description: String {
            switch self {
            case .timedOut(let jid): "\(jid): timed out waiting for a frame"
            case .unexpected(let message): "unexpected frame \(RealtimeCodec.encode(message))"
            }
        }
    }
}
