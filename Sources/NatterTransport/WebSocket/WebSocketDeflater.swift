import CZlib

/// Raw-deflate side of permessage-deflate. Not `Sendable`: `WebSocketConnection` owns it and only
/// touches it under its send lock.
final class WebSocketDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let noContextTakeover: Bool
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64 * 1024)

    /// zlib cannot produce an 8-bit window (it silently uses 9), so callers must not create a
    /// deflater when the server limited us to 8 bits; they send uncompressed messages instead.
    init(windowBits: Int, noContextTakeover: Bool) throws(WebSocketError) {
        precondition((9...15).contains(windowBits))
        self.noContextTakeover = noContextTakeover
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Level 1: chat traffic is small and latency matters more than the last few percent of ratio.
        guard natter_deflate_init2(stream, 1, -Int32(windowBits), 8) == Z_OK else {
            stream.deallocate()
            scratch.deallocate()
            throw .compressionFailed("deflateInit2 failed")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Compresses one whole message, without the trailing 00 00 FF FF (RFC 7692 §7.2.1).
    func compress(_ input: UnsafeRawBufferPointer) throws(WebSocketError) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(input.count / 2 + 64)
        var status: Int32 = Z_OK
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        repeat {
            stream.pointee.next_out = scratch.baseAddress
            stream.pointee.avail_out = UInt32(scratch.count)
            status = deflate(stream, Z_SYNC_FLUSH)
            let produced = scratch.count - Int(stream.pointee.avail_out)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<produced]))
        } while status == Z_OK && stream.pointee.avail_out == 0
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        guard status == Z_OK || status == Z_BUF_ERROR else { throw .compressionFailed("deflate returned \(status)") }
        let count = output.count
        if count >= 4 && output[count - 4] == 0x00 && output[count - 3] == 0x00 && output[count - 2] == 0xFF
            && output[count - 1] == 0xFF
        {
            output.removeLast(4)
        }
        if noContextTakeover { deflateReset(stream) }
        return output
    }
}
