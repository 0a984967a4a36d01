/// Turns a sequence of data frames into messages: fragment sequencing, permessage-deflate,
/// incremental UTF-8 validation and the size limit, each failing at the frame that breaks it.
///
/// A value: the zlib stream that inflates compressed messages is the connection's and is lent to
/// `consume` per frame, so a copy of the assembler never shares (or frees) a live z_stream.
struct WebSocketMessageAssembler: Sendable {
    var maxMessageSize: Int
    /// permessage-deflate was negotiated, so RSV1 marks a compressed message.
    private var inflates: Bool
    /// Opcode of the message being reassembled; nil between messages.
    private var opcode: WebSocketOpcode?
    private var compressed = false
    private var buffer: [UInt8] = []
    private var validator = WebSocketUTF8Validator()
    /// Validation state over the prefix of a text frame still arriving, so invalid UTF-8 fails
    /// before the rest of the frame is read; dropped once the frame is consumed.
    private var lookahead: (validator: WebSocketUTF8Validator, checked: Int)?

    init(maxMessageSize: Int, inflates: Bool = false) {
        self.maxMessageSize = maxMessageSize
        self.inflates = inflates
    }

    var isInsideMessage: Bool { opcode != nil }

    mutating func enableInflate() {
        inflates = true
    }

    /// Consumes a text, binary or continuation frame; returns a message when `frame` completes one.
    /// `inflater` is required once a compressed message arrives on a connection that negotiated deflate.
    mutating func consume(
        _ frame: WebSocketFrame, inflater: WebSocketInflater?
    ) throws(WebSocketError) -> WebSocketMessage? {
        lookahead = nil
        if frame.opcode == .continuation {
            guard opcode != nil else { throw .protocolViolation("continuation frame outside a message") }
            guard !frame.rsv1 else { throw .protocolViolation("RSV1 set on a continuation frame") }
        } else {
            guard opcode == nil else { throw .protocolViolation("new \(frame.opcode) message inside a fragmented one") }
            guard !frame.rsv1 || inflates else {
                throw .protocolViolation("RSV1 set without permessage-deflate")
            }
            opcode = frame.opcode
            compressed = frame.rsv1
            validator.reset()
        }
        let isText = opcode == .text

        // The common case, one uncompressed frame per message, skips the reassembly copy.
        if frame.fin && buffer.isEmpty && !compressed {
            return try finish(frame.payload, isText: isText, alreadyValidated: false)
        }

        let previousCount = buffer.count
        if compressed {
            guard let inflater else { throw .compressionFailed("compressed message but no inflater") }
            try inflater.inflate(frame.payload, isFinal: frame.fin, into: &buffer, limit: maxMessageSize)
        } else {
            guard buffer.count + frame.payload.count <= maxMessageSize else {
                throw .messageTooBig("message over \(maxMessageSize) bytes")
            }
            buffer.append(contentsOf: frame.payload)
        }
        if isText {
            let valid = buffer.withUnsafeBytes {
                validator.validate(UnsafeRawBufferPointer(rebasing: $0[previousCount...]))
            }
            guard valid else { throw .invalidUTF8("text message is not valid UTF-8") }
        }
        guard frame.fin else { return nil }
        let payload = buffer
        buffer = []
        return try finish(payload, isText: isText, alreadyValidated: true)
    }

    private mutating func finish(
        _ payload: [UInt8], isText: Bool, alreadyValidated: Bool
    ) throws(WebSocketError)
        -> WebSocketMessage
    {
        opcode = nil
        compressed = false
        guard payload.count <= maxMessageSize else { throw .messageTooBig("message over \(maxMessageSize) bytes") }
        guard isText else { return .binary(payload) }
        if !alreadyValidated {
            guard validator.validate(payload) else { throw .invalidUTF8("text message is not valid UTF-8") }
        }
        guard validator.isComplete else { throw .invalidUTF8("text message ends inside a code point") }
        return .text(String(decoding: payload, as: UTF8.self))
    }

    /// Checks the received prefix of an incomplete frame. Only uncompressed text is judged: a
    /// compressed prefix cannot be inflated out of order without disturbing the shared window.
    mutating func inspect(_ partial: WebSocketFrameParser.PartialFrame) throws(WebSocketError) {
        let base: WebSocketUTF8Validator
        if partial.opcode == .text && opcode == nil && !partial.rsv1 {
            base = WebSocketUTF8Validator()
        } else if partial.opcode == .continuation && opcode == .text && !compressed {
            base = validator
        } else {
            return
        }
        var (state, checked) = lookahead ?? (base, 0)
        let prefix = partial.payloadPrefix
        guard prefix.count > checked else { return }
        let valid = prefix.withUnsafeBytes { state.validate(UnsafeRawBufferPointer(rebasing: $0[checked...])) }
        lookahead = (state, prefix.count)
        guard valid else { throw .invalidUTF8("text frame is not valid UTF-8") }
    }
}
