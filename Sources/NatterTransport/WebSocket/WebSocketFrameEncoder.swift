/// Serialises client frames: header, masking key and masked payload in one contiguous buffer so a
/// frame goes to the socket in a single write.
public enum WebSocketFrameEncoder {
    public static func encode(
        opcode: WebSocketOpcode, payload: UnsafeRawBufferPointer, fin: Bool = true, rsv1: Bool = false,
        maskingKey: WebSocketMaskingKey = .random()
    ) -> [UInt8] {
        let length = payload.count
        let lengthBytes = length < 126 ? 0 : (length <= 0xFFFF ? 2 : 8)
        let headerLength = 2 + lengthBytes + 4
        return [UInt8](unsafeUninitializedCapacity: headerLength + length) { out, initialized in
            out[0] = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode.rawValue
            switch lengthBytes {
            case 0:
                out[1] = 0x80 | UInt8(length)
            case 2:
                out[1] = 0x80 | 126
                out[2] = UInt8(truncatingIfNeeded: length >> 8)
                out[3] = UInt8(truncatingIfNeeded: length)
            default:
                out[1] = 0x80 | 127
                for index in 0..<8 { out[2 + index] = UInt8(truncatingIfNeeded: UInt64(length) >> (56 - 8 * index)) }
            }
            let keyOffset = 2 + lengthBytes
            out[keyOffset] = maskingKey.bytes.0
            out[keyOffset + 1] = maskingKey.bytes.1
            out[keyOffset + 2] = maskingKey.bytes.2
            out[keyOffset + 3] = maskingKey.bytes.3
            let body = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(out)[headerLength...])
            if let source = payload.baseAddress, length > 0 {
                body.baseAddress!.copyMemory(from: source, byteCount: length)
            }
            maskingKey.apply(to: body)
            initialized = headerLength + length
        }
    }

    public static func encode(
        opcode: WebSocketOpcode, payload: [UInt8], fin: Bool = true, rsv1: Bool = false,
        maskingKey: WebSocketMaskingKey = .random()
    ) -> [UInt8] {
        payload.withUnsafeBytes {
            encode(opcode: opcode, payload: $0, fin: fin, rsv1: rsv1, maskingKey: maskingKey)
        }
    }
}
