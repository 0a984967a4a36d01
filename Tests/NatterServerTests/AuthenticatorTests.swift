import Foundation
import Hummingbird
import Logging
import Testing

@testable import NatterServer

@Suite("Authenticator: passwords, sessions, hash upgrades")
struct AuthenticatorTests {
    private func withAuthenticator(
        cost: Int = 4, _ body: (Storage, Authenticator, ManualClock) async throws -> Void
    ) async throws {
        let storage = try Storage(path: nil, passwordCost: cost, sessionLifetime: 3600)
        defer { storage.close() }
        let clock = ManualClock()
        try await body(
            storage, Authenticator(storage: storage, domain: "natter.test", clock: clock, logger: Logger(label: "t")),
            clock)
    }

    @Test func namesAreBareOrOfThisDomain() async throws {
        try await withAuthenticator { storage, authenticator, _ in
            try await storage.createUser(name: "alice", password: "s3cret")
            #expect(try await authenticator.authenticate(user: "alice", password: "s3cret")?.name == "alice")
            #expect(try await authenticator.authenticate(user: "Alice@natter.test", password: "s3cret") != nil)
            #expect(try await authenticator.authenticate(user: "alice@other.test", password: "s3cret") == nil)
            #expect(try await authenticator.authenticate(user: "alice", password: "S3cret") == nil)
            #expect(try await authenticator.authenticate(user: "mallory", password: "s3cret") == nil)
        }
    }

    @Test func aLegacyPBKDF2HashIsUpgradedToBcryptOnTheNextSuccessfulLogin() async throws {
        try await withAuthenticator { storage, authenticator, _ in
            let legacy = LegacyPBKDF2(iterations: 4096).hash("old-password")
            try await storage.createUser(name: "olga", displayName: "Olga", passwordHash: legacy)
            // A wrong password changes nothing.
            #expect(try await authenticator.authenticate(user: "olga", password: "guess") == nil)
            #expect(try await storage.credentials(named: "olga")?.passwordHash == legacy)

            #expect(try await authenticator.authenticate(user: "olga", password: "old-password")?.name == "olga")
            let upgraded = try #require(try await storage.credentials(named: "olga")?.passwordHash)
            #expect(PasswordHashing.bcryptCost(of: upgraded) == 4)
            #expect(try await authenticator.authenticate(user: "olga", password: "old-password")?.name == "olga")
            #expect(try await storage.credentials(named: "olga")?.passwordHash == upgraded, "upgraded once")
        }
    }

    @Test func aCheaperBcryptHashIsRaisedToTheConfiguredCost() async throws {
        try await withAuthenticator(cost: 5) { storage, authenticator, _ in
            let cheap = try await PasswordHashing(cost: 4).hash("pw")
            try await storage.createUser(name: "carl", displayName: nil, passwordHash: cheap)
            #expect(try await authenticator.authenticate(user: "carl", password: "pw") != nil)
            let raised = try #require(try await storage.credentials(named: "carl")?.passwordHash)
            #expect(PasswordHashing.bcryptCost(of: raised) == 5)
        }
    }

    @Test func oneLoginSessionServesEveryProtocolUntilItExpires() async throws {
        try await withAuthenticator { storage, authenticator, clock in
            let alice = try await storage.createUser(name: "alice", password: "pw")
            let session = try await authenticator.startSession(for: alice)
            #expect(try await authenticator.authenticate(session: session)?.name == "alice")
            #expect(
                try await authenticator.authenticate(bearer: [.authorization: "Bearer \(session)"])?.name == "alice")
            #expect(try await authenticator.authenticate(bearer: [.authorization: "Basic \(session)"]) == nil)
            #expect(
                try await authenticator.authenticate(basic: [
                    .authorization: TestServer.basicHeader(user: "alice", password: "pw")
                ])?
                .name == "alice")
            clock.advance(by: .seconds(3601))
            #expect(try await authenticator.authenticate(session: session) == nil)
        }
    }

    @Test func aBadCostIsAClearError() {
        #expect(throws: StorageError.invalidPasswordCost(3)) { try Storage(path: nil, passwordCost: 3) }
    }
}
