import HummingbirdBcrypt
import NIOPosix

/// Password hashes: bcrypt (HummingbirdBcrypt) for every new hash; the PBKDF2 hashes of earlier natterd
/// versions still verify and are reported as due for an upgrade, as is a bcrypt hash below today's cost.
///
/// Hashing and verifying run on NIO's blocking thread pool: bcrypt takes tens of milliseconds by design, and
/// an event loop or the cooperative pool must not stall on it.
struct PasswordHashing: Sendable {
    static let costRange = 4...31

    enum Verification: Sendable, Equatable {
        case rejected
        case accepted
        /// The password is right, but the stored hash is of an older scheme or a lower cost: store a new one.
        case acceptedNeedsRehash
    }

    let cost: Int

    init(cost: Int = Storage.defaultPasswordCost) {
        precondition(PasswordHashing.costRange.contains(cost), "bcrypt cost must be within 4...31")
        self.cost = cost
    }

    func hash(_ password: String) async throws -> String {
        let cost = UInt8(self.cost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against stored: String) async throws -> Verification {
        if stored.hasPrefix(LegacyPBKDF2.scheme + "$") {
            return LegacyPBKDF2.verify(password, against: stored) ? .acceptedNeedsRehash : .rejected
        }
        guard let storedCost = PasswordHashing.bcryptCost(of: stored) else { return .rejected }
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: stored) }
        guard matches else { return .rejected }
        return storedCost < cost ? .acceptedNeedsRehash : .accepted
    }

    /// The cost field of a `$2a$`/`$2b$`/`$2y$` hash; `nil` for anything else.
    static func bcryptCost(of hash: String) -> Int? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, ["2a", "2b", "2y"].contains(parts[1]), parts[2].count == 2,
            let cost = Int(parts[2])
        else { return nil }
        return cost
    }
}
