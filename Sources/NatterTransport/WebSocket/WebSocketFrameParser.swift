/// Incremental frame parser: feed it bytes as they arrive, pull complete frames out.
///
/// It checks everything that can be judged from a single frame header (reserved opcodes, masking,
/// control-frame rules, lengths) as soon as the header bytes are in, so a bad frame fails before its
/// payload is buffered. Rules that need connection context (RSV1 meaning, fragment sequencing)
/// belong to `WebSocketStateMachine`.
public struct WebSocketFrameParser: Sendable {
    public var maxFrameSize: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0

    public init(maxFrameSize: Int = 16 * 1024 * 1024) {
        self.maxFrameSize = maxFrameSize
    }

    /// Bytes received but not yet returned as frames.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil if more bytes are needed.
    public mutating func nextFrame() throws(WebSocketError) -> WebSocketFrame? {
        let available = buffer.count - readIndex
        guard available >= 2 else { return nil }
        let header = try parseHeader(available: available)
        guard let header else { return nil }
        let start = readIndex + header.headerLength
        let end = start + header.payloadLength
        guard end <= buffer.count else {
            // Growing once to the final size avoids repeated reallocation for multi-megabyte frames.
            buffer.reserveCapacity(end)
            return nil
        }
        let payload = Array(buffer[start..<end])
        consume(upTo: end)
        return WebSocketFrame(
            fin: header.byte0 & 0x80 != 0, rsv1: header.byte0 & 0x40 != 0, rsv2: header.byte0 & 0x20 != 0,
            rsv3: header.byte0 & 0x10 != 0, opcode: WebSocketOpcode(rawValue: header.byte0), payload: payload)
    }

    /// The frame at the head of the buffer whose header is complete but whose payload is not.
    public struct PartialFrame: Sendable {
        public var opcode: WebSocketOpcode
        public var rsv1: Bool
        public var payloadPrefix: ArraySlice<UInt8>
    }

    /// Lets the state machine judge a payload (UTF-8) before all of it has arrived. Nil when no
    /// partial frame is buffered; header errors are left for `nextFrame()` to report.
    public func partialFrame() -> PartialFrame? {
        let available = buffer.count - readIndex
        guard available >= 2, let header = try? parseHeader(available: available) else { return nil }
        let start = readIndex + header.headerLength
        guard start + header.payloadLength > buffer.count else { return nil }
        return PartialFrame(
            opcode: WebSocketOpcode(rawValue: header.byte0), rsv1: header.byte0 & 0x40 != 0,
            payloadPrefix: buffer[start...])
    }

    private struct Header {
        var byte0: UInt8
        var headerLength: Int
        var payloadLength: Int
    }

    private func parseHeader(available: Int) throws(WebSocketError) -> Header? {
        let byte0 = buffer[readIndex]
        let byte1 = buffer[readIndex + 1]
        let opcode = WebSocketOpcode(rawValue: byte0)
        let fin = byte0 & 0x80 != 0
        guard opcode.isDefined else {
            throw .protocolViolation("reserved opcode \(opcode.rawValue)")
        }
        guard byte1 & 0x80 == 0 else {
            throw .protocolViolation("server frames must not be masked")
        }
        if opcode.isControl {
            guard fin else { throw .protocolViolation("fragmented \(opcode) frame") }
            guard byte1 & 0x7F <= 125 else { throw .protocolViolation("\(opcode) payload over 125 bytes") }
        }
        var length = Int(byte1 & 0x7F)
        var headerLength = 2
        if length == 126 {
            guard available >= 4 else { return nil }
            length = Int(buffer[readIndex + 2]) << 8 | Int(buffer[readIndex + 3])
            headerLength = 4
        } else if length == 127 {
            guard available >= 10 else { return nil }
            var wide: UInt64 = 0
            for index in 2..<10 { wide = wide << 8 | UInt64(buffer[readIndex + index]) }
            guard wide & (1 << 63) == 0 else { throw .protocolViolation("64-bit length with the top bit set") }
            guard wide <= UInt64(maxFrameSize) else { throw .messageTooBig("frame of \(wide) bytes") }
            length = Int(wide)
            headerLength = 10
        }
        guard length <= maxFrameSize else { throw .messageTooBig("frame of \(length) bytes") }
        return Header(byte0: byte0, headerLength: headerLength, payloadLength: length)
    }

    private mutating func consume(upTo end: Int) {
        if end == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else {
            readIndex = end
            // Compact only once the dead prefix dominates, so small frames don't cause O(n²) shifting.
            if readIndex >= 64 * 1024 && readIndex * 2 >= buffer.count {
                buffer.removeSubrange(0..<readIndex)
                readIndex = 0
            }
        }
    }
}
