import Testing

@testable import NatterServer

@Suite("Password hashing: bcrypt, and the legacy SHA-256 PBKDF2 that still verifies")
struct PasswordHashingTests {
    @Test func sha256MatchesNISTVectors() {
        #expect(SHA256.hash([UInt8]()).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hash(Array("abc".utf8)).hexString
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hexString
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Exactly one block after padding boundaries: 55 and 56 bytes take different padding paths.
        #expect(
            SHA256.hash([UInt8](repeating: 0x61, count: 1000)).hexString
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func hmacMatchesRFC4231() {
        #expect(
            LegacyPBKDF2.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)).hexString
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func pbkdf2MatchesKnownVectors() {
        let password = Array("password".utf8)
        let salt = Array("salt".utf8)
        #expect(
            LegacyPBKDF2.pbkdf2(password: password, salt: salt, iterations: 1).hexString
                == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
        #expect(
            LegacyPBKDF2.pbkdf2(password: password, salt: salt, iterations: 2).hexString
                == "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")
        #expect(
            LegacyPBKDF2.pbkdf2(password: Array("passwd".utf8), salt: salt, iterations: 1, length: 64).hexString
                == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    }

    @Test func legacyHashesAreSaltedAndVerify() {
        let hasher = LegacyPBKDF2(iterations: 16)
        let first = hasher.hash("correct horse")
        let second = hasher.hash("correct horse")
        #expect(first != second, "a fresh salt each time")
        #expect(first.hasPrefix("pbkdf2-sha256$16$"))
        #expect(LegacyPBKDF2.verify("correct horse", against: first))
        #expect(LegacyPBKDF2.verify("correct horse", against: second))
        #expect(!LegacyPBKDF2.verify("correct horsE", against: first))
        #expect(!LegacyPBKDF2.verify("", against: first))
        #expect(!LegacyPBKDF2.verify("correct horse", against: "plain$text"))
        #expect(!LegacyPBKDF2.verify("correct horse", against: "pbkdf2-sha256$0$00$00"))
    }

    @Test func bcryptHashesVerifyAndOutdatedOnesAskForARehash() async throws {
        let hashing = PasswordHashing(cost: 5)
        let hash = try await hashing.hash("correct horse")
        #expect(hash.hasPrefix("$2b$05$"))
        #expect(PasswordHashing.bcryptCost(of: hash) == 5)
        #expect(try await hashing.verify("correct horse", against: hash) == .accepted)
        #expect(try await hashing.verify("correct horsE", against: hash) == .rejected)
        #expect(try await PasswordHashing(cost: 6).verify("correct horse", against: hash) == .acceptedNeedsRehash)
        let legacy = LegacyPBKDF2(iterations: 16).hash("correct horse")
        #expect(try await hashing.verify("correct horse", against: legacy) == .acceptedNeedsRehash)
        #expect(try await hashing.verify("wrong", against: legacy) == .rejected)
        for junk in ["", "plain", "$2b$xx$abc", "$1$05$abc"] {
            #expect(try await hashing.verify("correct horse", against: junk) == .rejected, "\(junk)")
        }
    }
}
