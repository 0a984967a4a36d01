import CZlib

/// Raw-inflate side of permessage-deflate. A class because the z_stream must stay at a fixed address
/// between calls and be freed exactly once. Not `Sendable`: `WebSocketConnection` owns it and only
/// touches it under its receive lock.
final class WebSocketInflater {
    /// RFC 7692 §7.2.2: senders strip this empty stored block, receivers put it back.
    private static let tail: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    private let stream: UnsafeMutablePointer<z_stream>
    private let noContextTakeover: Bool
    /// Inflate output lands here first, so the message buffer only ever grows by bytes produced.
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64 * 1024)

    init(noContextTakeover: Bool) throws(WebSocketError) {
        self.noContextTakeover = noContextTakeover
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Always a 32 KiB window: a larger window than the sender used is harmless when inflating.
        guard natter_inflate_init2(stream, -15) == Z_OK else {
            stream.deallocate()
            scratch.deallocate()
            throw .compressionFailed("inflateInit2 failed")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Inflates one frame's payload onto `output`. `limit` bounds `output.count` so a small
    /// compressed frame cannot expand into gigabytes before we notice.
    func inflate(_ input: [UInt8], isFinal: Bool, into output: inout [UInt8], limit: Int) throws(WebSocketError) {
        try feed(input, into: &output, limit: limit)
        if isFinal {
            try feed(Self.tail, into: &output, limit: limit)
            if noContextTakeover { inflateReset(stream) }
        }
    }

    private enum Outcome {
        case done
        case tooBig
        case failed(Int32)
    }

    private func feed(_ input: [UInt8], into output: inout [UInt8], limit: Int) throws(WebSocketError) {
        guard !input.isEmpty else { return }
        let outcome = input.withUnsafeBufferPointer { source -> Outcome in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = UInt32(source.count)
            defer {
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
            while true {
                stream.pointee.next_out = scratch.baseAddress
                stream.pointee.avail_out = UInt32(scratch.count)
                let status = CZlib.inflate(stream, Z_SYNC_FLUSH)
                let produced = scratch.count - Int(stream.pointee.avail_out)
                guard output.count + produced <= limit else { return .tooBig }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<produced]))
                switch status {
                case Z_OK, Z_BUF_ERROR:
                    // Spare output room means zlib consumed all the input it could.
                    if produced < scratch.count {
                        return stream.pointee.avail_in == 0 || status == Z_OK ? .done : .failed(status)
                    }
                case Z_STREAM_END:
                    // The peer ended the deflate stream with a final block; later messages start a new one.
                    inflateReset(stream)
                    if stream.pointee.avail_in == 0 { return .done }
                default:
                    return .failed(status)
                }
            }
        }
        switch outcome {
        case .done: return
        case .tooBig: throw .messageTooBig("inflated message over \(limit) bytes")
        case .failed(let status): throw .compressionFailed("inflate returned \(status)")
        }
    }
}
