import Foundation

/// The hashes earlier natterd versions stored: `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`,
/// PBKDF2-HMAC-SHA256 (RFC 8018) over our own SHA-256.
///
/// Verify only: such a hash is replaced by a bcrypt one at the user's next successful login
/// (`PasswordHashing`). Kept so databases from before the switch still let their users in; `hash` remains
/// for the tests that make such a database.
struct LegacyPBKDF2: Sendable {
    static let scheme = "pbkdf2-sha256"
    var iterations: Int
    var saltLength = 16

    init(iterations: Int = 4096) {
        self.iterations = iterations
    }

    func hash(_ password: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = LegacyPBKDF2.pbkdf2(password: Array(password.utf8), salt: salt, iterations: iterations)
        return [LegacyPBKDF2.scheme, String(iterations), salt.hexString, derived.hexString].joined(separator: "$")
    }

    static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let iterations = Int(parts[1]), iterations > 0,
            let salt = [UInt8](hex: parts[2]), let expected = [UInt8](hex: parts[3]), !expected.isEmpty
        else { return false }
        let derived = pbkdf2(
            password: Array(password.utf8), salt: salt, iterations: iterations, length: expected.count)
        // Compare every byte so the time taken says nothing about where a guess went wrong.
        var difference: UInt8 = 0
        for (lhs, rhs) in zip(derived, expected) { difference |= lhs ^ rhs }
        return difference == 0
    }

    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMAC(key: key).authenticate(message)
    }

    static func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int, length: Int = SHA256.digestSize) -> [UInt8] {
        let mac = HMAC(key: password)
        var output: [UInt8] = []
        var blockIndex: UInt32 = 1
        while output.count < length {
            let indexBytes = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: blockIndex >> $0) }
            var u = mac.authenticate(salt + indexBytes)
            var block = u
            for _ in 1..<max(iterations, 1) {
                u = mac.authenticate(u)
                for i in block.indices { block[i] ^= u[i] }
            }
            output += block
            blockIndex += 1
        }
        return Array(output.prefix(length))
    }

    /// HMAC-SHA256 with the padded keys prepared once, since PBKDF2 reuses the same key thousands of times.
    private struct HMAC {
        let innerPad: [UInt8]
        let outerPad: [UInt8]

        init(key: [UInt8]) {
            var key = key.count > SHA256.blockSize ? SHA256.hash(key) : key
            key += [UInt8](repeating: 0, count: SHA256.blockSize - key.count)
            innerPad = key.map { $0 ^ 0x36 }
            outerPad = key.map { $0 ^ 0x5c }
        }

        func authenticate(_ message: [UInt8]) -> [UInt8] {
            SHA256.hash(outerPad + SHA256.hash(innerPad + message))
        }
    }
}

extension Array where Element == UInt8 {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    init?<Text: StringProtocol>(hex: Text) {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
