import Foundation

/// A blocking RFC 6455 client connection: the thin I/O shell around `WebSocketFrameParser` and
/// `WebSocketStateMachine`.
///
/// Threading: one thread calls `receive(timeout:)`; any thread may call `send`, `sendPing`, `close`
/// and `interrupt` concurrently with it. `sendLock` keeps whole frames (and the deflate stream) in
/// order, `stateLock` guards the state machine, `receiveLock` the parser and read buffer. Lock order
/// is sendLock → stateLock; receive never holds stateLock while writing.
///
/// `@unchecked Sendable` because those three locks, not the compiler, guard the mutable state: they
/// are NSLocks since `close` needs timed acquisition, which `Mutex` does not offer.
public final class WebSocketConnection: @unchecked Sendable {
    public let configuration: WebSocketConfiguration
    /// The permessage-deflate parameters the server accepted, nil when uncompressed.
    public let compression: WebSocketDeflateParameters?

    let transport: WebSocketTransport
    let stateLock = NSLock()
    var stateMachine: WebSocketStateMachine
    var lastActivityInstant: ContinuousClock.Instant

    let sendLock = NSLock()
    private let deflater: WebSocketDeflater?

    let receiveLock = NSLock()
    /// The permessage-deflate receive stream; the connection owns it, the state machine borrows it.
    let inflater: WebSocketInflater?
    var parser: WebSocketFrameParser
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Set once `receive` has returned the final `.closed` event or thrown the failure.
    var finished = false

    /// Messages shorter than this go out uncompressed: deflate framing overhead exceeds any gain.
    static let compressionThreshold = 64

    private init(
        transport: WebSocketTransport, configuration: WebSocketConfiguration, stateMachine: WebSocketStateMachine,
        parser: WebSocketFrameParser, inflater: WebSocketInflater?, deflater: WebSocketDeflater?
    ) {
        self.transport = transport
        self.configuration = configuration
        self.stateMachine = stateMachine
        self.compression = stateMachine.compression
        self.parser = parser
        self.inflater = inflater
        self.deflater = deflater
        self.lastActivityInstant = .now
        readBuffer = .allocate(byteCount: 256 * 1024, alignment: 16)
    }

    deinit {
        transport.shutdown()
        readBuffer.deallocate()
    }

    /// TCP/TLS connect via libcurl, then the HTTP/1.1 Upgrade handshake, all within `connectTimeout`.
    public static func connect(
        url: String, configuration: WebSocketConfiguration = .init()
    ) throws
        -> WebSocketConnection
    {
        let deadline = ContinuousClock.now + configuration.connectTimeout
        let parsedURL = try WebSocketURL(url)
        let handshake = try WebSocketHandshake(
            url: parsedURL, offerCompression: configuration.enableCompression,
            additionalHeaders: configuration.additionalHeaders)
        let transport = try WebSocketTransport(url: parsedURL, configuration: configuration)
        try handshake.request.withUnsafeBytes { try transport.send($0) }

        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var headEnd: Int?
        while headEnd == nil {
            let result = try chunk.withUnsafeMutableBytes {
                try transport.read(into: $0, deadline: deadline, interruptible: false)
            }
            switch result {
            case .bytes(let count): response.append(contentsOf: chunk[..<count])
            case .endOfStream: throw WebSocketError.handshakeFailed("server closed the connection during the handshake")
            case .timedOut, .interrupted: throw WebSocketError.handshakeFailed("timed out waiting for the response")
            }
            headEnd = WebSocketHandshake.endOfHead(in: response)
            if headEnd == nil && response.count > WebSocketHandshake.maxResponseHeadSize {
                throw WebSocketError.handshakeFailed("response head too large")
            }
        }
        let compression = try handshake.validate(responseHead: response[..<headEnd!])

        var stateMachine = WebSocketStateMachine(maxMessageSize: configuration.maxMessageSize)
        stateMachine.handshakeCompleted(compression: compression)
        var parser = WebSocketFrameParser(maxFrameSize: configuration.maxFrameSize)
        // Frames the server sent right behind its 101 response arrived in the same read.
        parser.append(response[headEnd!...])
        let inflater = try compression.map { try WebSocketInflater(noContextTakeover: $0.serverNoContextTakeover) }
        var deflater: WebSocketDeflater?
        if let compression, compression.clientMaxWindowBits >= 9 {
            deflater = try WebSocketDeflater(
                windowBits: compression.clientMaxWindowBits, noContextTakeover: compression.clientNoContextTakeover)
        }
        return WebSocketConnection(
            transport: transport, configuration: configuration, stateMachine: stateMachine, parser: parser,
            inflater: inflater, deflater: deflater)
    }

    /// Last time bytes arrived from the server.
    public var lastActivity: ContinuousClock.Instant {
        stateLock.withLock { lastActivityInstant }
    }

    public func send(_ message: WebSocketMessage) throws {
        switch message {
        case .text(let text):
            var text = text
            try text.withUTF8 { try sendData(opcode: .text, payload: UnsafeRawBufferPointer($0)) }
        case .binary(let bytes):
            try bytes.withUnsafeBytes { try sendData(opcode: .binary, payload: $0) }
        }
    }

    public func sendPing(_ payload: [UInt8] = []) throws {
        guard payload.count <= 125 else { throw WebSocketError.protocolViolation("ping payload over 125 bytes") }
        try sendLock.withLock {
            if case .refuse(let error) = stateLock.withLock({ stateMachine.sendAllowed() }) { throw error }
            try writeFrame(opcode: .ping, payload: payload)
        }
    }

    private func sendData(opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer) throws {
        try sendLock.withLock {
            if case .refuse(let error) = stateLock.withLock({ stateMachine.sendAllowed() }) { throw error }
            let frame: [UInt8]
            if let deflater, payload.count >= Self.compressionThreshold {
                let compressed = try deflater.compress(payload)
                frame = WebSocketFrameEncoder.encode(opcode: opcode, payload: compressed, rsv1: true)
            } else {
                frame = WebSocketFrameEncoder.encode(opcode: opcode, payload: payload)
            }
            try frame.withUnsafeBytes { try transport.send($0) }
        }
    }

    /// Writes a control frame; the caller holds `sendLock`.
    func writeFrame(opcode: WebSocketOpcode, payload: [UInt8], deadline: ContinuousClock.Instant? = nil) throws {
        let frame = WebSocketFrameEncoder.encode(opcode: opcode, payload: payload)
        try frame.withUnsafeBytes { try transport.send($0, deadline: deadline) }
    }

    /// Starts the close handshake and waits up to `closeTimeout` for the server's reply, then drops
    /// the connection. If another thread is inside `receive`, that thread sees the reply and gets the
    /// `.closed` event; this call just waits for it.
    public func close(code: UInt16 = 1000, reason: String = "") {
        let deadline = ContinuousClock.now + configuration.closeTimeout
        let waitUntil = Date(timeIntervalSinceNow: Double(configuration.closeTimeout.webSocketMilliseconds) / 1000)
        // A sender stuck on a peer that stopped reading holds sendLock; give up on the close frame then,
        // and let shutdown() below fail that send instead of hanging here with it.
        if sendLock.lock(before: waitUntil) {
            if stateLock.withLock({ stateMachine.startClosing() }) {
                let payload = WebSocketCloseCode.payload(code: code, reason: reason)
                try? writeFrame(opcode: .close, payload: payload, deadline: deadline)
            }
            sendLock.unlock()
        }
        while ContinuousClock.now < deadline {
            if receiveLock.lock(before: Date(timeIntervalSinceNow: 0.01)) {
                defer { receiveLock.unlock() }
                while !finished && ContinuousClock.now < deadline {
                    guard (try? receiveLocked(deadline: deadline, interruptible: false)) != nil else { break }
                }
                break
            }
            // Another thread is inside receive: it reads the reply and reports `.closed` to its caller;
            // we only watch for the state change rather than competing for the lock it keeps retaking.
            if stateLock.withLock({ stateMachine.state == .closed }) { break }
        }
        _ = stateLock.withLock { stateMachine.connectionLost() }
        transport.shutdown()
    }

    /// Wakes a thread blocked in `receive`, which then returns nil.
    public func interrupt() {
        transport.interrupt()
    }
}
