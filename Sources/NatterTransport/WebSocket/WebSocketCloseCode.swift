/// Close status codes and close-frame payloads (RFC 6455 §5.5.1, §7.4).
public enum WebSocketCloseCode {
    public static let normal: UInt16 = 1000
    public static let goingAway: UInt16 = 1001
    public static let protocolError: UInt16 = 1002
    public static let noStatus: UInt16 = 1005
    public static let abnormal: UInt16 = 1006
    public static let invalidPayload: UInt16 = 1007
    public static let messageTooBig: UInt16 = 1009

    /// Whether a peer may put `code` on the wire. 1004–1006 and 1015 are reserved for local use,
    /// everything under 1000 and 1016–2999 is unassigned, 3000–4999 belong to applications.
    public static func isValidOnWire(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1014, 3000...4999: return true
        default: return false
        }
    }

    /// A close frame payload; the reason is cut at a character boundary to fit the 125-byte limit.
    public static func payload(code: UInt16?, reason: String) -> [UInt8] {
        guard let code else { return [] }
        var bytes = [UInt8(code >> 8), UInt8(code & 0xFF)]
        var reasonBytes = 0
        for character in reason {
            let encoded = Array(String(character).utf8)
            guard reasonBytes + encoded.count <= 123 else { break }
            bytes.append(contentsOf: encoded)
            reasonBytes += encoded.count
        }
        return bytes
    }

    /// Parses a received close payload into (code, reason), throwing what the connection must fail with.
    public static func parse(_ payload: [UInt8]) throws(WebSocketError) -> (code: UInt16?, reason: String) {
        if payload.isEmpty { return (nil, "") }
        guard payload.count >= 2 else { throw .protocolViolation("close payload of 1 byte") }
        let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
        guard isValidOnWire(code) else { throw .protocolViolation("invalid close code \(code)") }
        let reason = Array(payload[2...])
        var validator = WebSocketUTF8Validator()
        guard validator.validate(reason), validator.isComplete else { throw .invalidUTF8("close reason") }
        return (code, String(decoding: reason, as: UTF8.self))
    }
}
