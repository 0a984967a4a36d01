/// The 4-byte key clients XOR over every payload they send (RFC 6455 §5.3).
public struct WebSocketMaskingKey: Sendable, Equatable {
    public var bytes: (UInt8, UInt8, UInt8, UInt8)

    public init(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) {
        bytes = (b0, b1, b2, b3)
    }

    /// A fresh key from the system CSPRNG; RFC 6455 requires keys a proxy cannot predict.
    public static func random() -> WebSocketMaskingKey {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt32
        return WebSocketMaskingKey(
            UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 24))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.bytes.0 == rhs.bytes.0 && lhs.bytes.1 == rhs.bytes.1 && lhs.bytes.2 == rhs.bytes.2
            && lhs.bytes.3 == rhs.bytes.3
    }

    /// XORs the key over `buffer`, whose first byte is payload byte 0. Works a 64-bit word at a time
    /// because byte-wise masking dominates send cost for large messages.
    public func apply(to buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count
        let pattern: UInt64 = withUnsafeBytes(of: (bytes, bytes)) { $0.loadUnaligned(as: UInt64.self) }
        var offset = 0
        while offset + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            base.storeBytes(of: word ^ pattern, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        let key = [bytes.0, bytes.1, bytes.2, bytes.3]
        while offset < count {
            buffer[offset] ^= key[offset & 3]
            offset += 1
        }
    }
}
