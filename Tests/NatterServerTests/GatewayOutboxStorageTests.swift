import Foundation
import NatterCodecs
import Testing

@testable import NatterServer

/// The gateway outbox in real SQLite: chats for the remote outlive the process with the ids they were first
/// sent with, until the remote acks them.
@Suite("Gateways: the stored outbox")
struct GatewayOutboxStorageTests {
    let hi = RealtimeChat(id: "gw-1", to: "carol@natter.test", text: "hi")
    let there = RealtimeChat(id: "gw-2", to: "dave@natter.test", text: "there")

    func registration(_ remoteName: String) -> StoredGatewayRegistration {
        StoredGatewayRegistration(user: "alice", service: "b", remoteName: remoteName, sealedPassword: Data([1]))
    }

    func open(_ path: String?) throws -> Storage {
        let storage = try Storage(path: path, passwordCost: 4)
        try storage.migrate(GatewayMigrations.all)
        return storage
    }

    @Test func queuedChatsComeBackInOrderAfterAReopenUntilRemoved() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gw-outbox-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/natterd.sqlite"
        var storage = try open(path)
        _ = try await storage.createUser(name: "alice", password: "alice")
        try await storage.saveGatewayRegistration(registration("bob"))
        try await storage.queueGatewayChat(hi, user: "Alice", service: "b")
        try await storage.queueGatewayChat(there, user: "alice", service: "b")
        storage.close()

        storage = try open(path)
        defer { storage.close() }
        #expect(try await storage.gatewayOutbox(user: "alice", service: "b") == [hi, there])
        #expect(try await storage.gatewayOutbox(user: "alice", service: "other").isEmpty)
        try await storage.removeGatewayChat(id: "gw-1")
        #expect(try await storage.gatewayOutbox(user: "alice", service: "b") == [there])
    }

    @Test func aNewPasswordKeepsTheOutboxAnotherAccountOrUnregisteringDropsIt() async throws {
        let storage = try open(nil)
        defer { storage.close() }
        _ = try await storage.createUser(name: "alice", password: "alice")
        try await storage.saveGatewayRegistration(registration("bob"))
        try await storage.queueGatewayChat(hi, user: "alice", service: "b")
        try await storage.saveGatewayRegistration(registration("bob"))
        #expect(try await storage.gatewayOutbox(user: "alice", service: "b") == [hi])
        try await storage.saveGatewayRegistration(registration("robert"))
        #expect(try await storage.gatewayOutbox(user: "alice", service: "b").isEmpty)

        try await storage.queueGatewayChat(there, user: "alice", service: "b")
        try await storage.deleteGatewayRegistration(user: "alice", service: "b")
        #expect(try await storage.gatewayOutbox(user: "alice", service: "b").isEmpty)
    }

    @Test func aChatWithoutAnIDOrForAnUnknownUserIsRefused() async throws {
        let storage = try open(nil)
        defer { storage.close() }
        await #expect(throws: GatewayError.self) {
            try await storage.queueGatewayChat(
                RealtimeChat(to: "carol@natter.test", text: "no id"), user: "alice", service: "b")
        }
        await #expect(throws: GatewayError.self) {
            try await storage.queueGatewayChat(hi, user: "nobody", service: "b")
        }
    }
}
