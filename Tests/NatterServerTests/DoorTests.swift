import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import Synchronization
import Testing

@testable import NatterServer

/// The mechanics every door relies on, through a door that exists only here: its own WebSocket path behind
/// a bearer token (the login session id), and its own migration.
@Suite("Doors: upgrade router, pre-upgrade authentication, migrations")
struct DoorTests {
    /// Answers one frame with the user the upgrade authenticated, then closes.
    struct WhoAmIDoor: Door {
        static let path = "/test/whoami"

        var migrations: [StorageMigration] {
            [StorageMigration(identifier: "whoami-v1") { db in try db.execute(sql: "CREATE TABLE whoamiNote (text)") }]
        }

        func registerWebSockets(on upgrades: inout WebSocketUpgradeRouter) {
            upgrades.add(WhoAmIDoor.path, authentication: .bearerSession) { _, outbound, context in
                try await outbound.write(.text(context.user?.name ?? "nobody"))
            }
        }
    }

    private static let doors: [@Sendable (DoorContext) -> any Door] = [{ _ in WhoAmIDoor() }]

    /// What the server answers a WebSocket upgrade on the door's path with `authorization`, if anything.
    private func whoAmI(port: Int, authorization: String?) async throws -> String? {
        var headers = HTTPFields()
        if let authorization { headers[.authorization] = authorization }
        let answer = Mutex<String?>(nil)
        do {
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)\(WhoAmIDoor.path)", configuration: .init(additionalHeaders: headers),
                logger: Logger(label: "whoami")
            ) { inbound, _, _ in
                for try await message in inbound.messages(maxSize: 1024) {
                    if case .text(let text) = message { answer.withLock { $0 = text } }
                }
            }
        } catch {
            return nil
        }
        return answer.withLock { $0 }
    }

    @Test func aBearerSessionIsCheckedBeforeTheUpgrade() async throws {
        try await TestServer.with(extraDoors: DoorTests.doors) { (server: TestServer) async throws in
            let session = try await server.session("alice")
            #expect(try await whoAmI(port: server.port, authorization: "Bearer \(session)") == "alice")
            #expect(try await whoAmI(port: server.port, authorization: "Bearer not-a-session") == nil)
            #expect(try await whoAmI(port: server.port, authorization: nil) == nil)
            // The Realtime door authenticates in-band: its upgrade needs no token.
            let peer = try await RealtimePeer.connect(port: server.port)
            await peer.send(.ping(id: "p"))
            #expect(try await peer.nextError().code == .notAuthenticated)
        }
    }

    @Test func aRefusedUpgradeIsA401WithABearerChallenge() async throws {
        let server = try NatterServer(
            configuration: ServerConfiguration(port: 0, demo: false, logLevel: .warning, passwordCost: 4),
            extraDoors: DoorTests.doors)
        defer { server.storage.close() }
        let alice = try await server.storage.createUser(name: "alice", password: "alice")
        let session = try await server.authenticator.startSession(for: alice)
        try await server.makeApplication { _ in }.test(.router) { client in
            try await client.execute(
                uri: WhoAmIDoor.path, method: .get, headers: [.authorization: "Bearer wrong"]
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"natter.test\", error=\"invalid_token\"")
            }
            try await client.execute(uri: WhoAmIDoor.path, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"natter.test\"")
            }
            // Authenticated but no upgrade asked for: the path is for WebSockets only.
            try await client.execute(
                uri: WhoAmIDoor.path, method: .get, headers: [.authorization: "Bearer \(session)"]
            ) { response in
                #expect(response.status == .upgradeRequired)
            }
        }
    }

    @Test func aDoorsMigrationsRunAfterTheCoresOnce() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("door-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for _ in 0..<2 {
            let server = try NatterServer(
                configuration: ServerConfiguration(port: 0, databasePath: path, logLevel: .warning, passwordCost: 4),
                extraDoors: DoorTests.doors)
            defer { server.storage.close() }
            let tables = try await server.storage.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            #expect(tables.contains("whoamiNote") && tables.contains("message"))
        }
    }
}
