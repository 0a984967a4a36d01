import Foundation
import Testing

@testable import NatterServer

@Suite("Storage: schema, WAL, queries")
struct StorageTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("natter-storage-\(UUID().uuidString).sqlite").path
    }

    @Test func migratesIntoWALAndReopensWithoutRemigrating() async throws {
        let path = temporaryPath()
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let storage = try Storage(path: path, passwordCost: 4)
            #expect(try storage.journalMode() == "wal")
            #expect(
                try storage.appliedMigrations() == [
                    "v1-users-sessions", "v1-contacts-rooms", "v1-messages", "v2-client-message-id",
                    "v3-user-last-active", "v4-buddy-list",
                ])
            try await storage.createUser(name: "Erin", displayName: "Erin E.", password: "pw")
            storage.close()
        }
        let reopened = try Storage(path: path)
        defer { reopened.close() }
        #expect(try await reopened.user(named: "erin")?.displayName == "Erin E.")
        #expect(try await reopened.user(named: "ERIN")?.name == "erin", "names are case-insensitive")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func temporaryDatabaseIsRemovedOnClose() throws {
        let storage = try Storage(path: nil)
        let path = storage.path
        #expect(FileManager.default.fileExists(atPath: path))
        storage.close()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func usersAndSessions() async throws {
        let storage = try Storage(path: nil, passwordCost: 4)
        defer { storage.close() }
        let user = try await storage.createUser(name: "frank", password: "secret")
        await #expect(throws: StorageError.duplicateUser("Frank")) {
            try await storage.createUser(name: "Frank", password: "x")
        }
        let credentials = try #require(try await storage.credentials(named: "frank"))
        #expect(credentials.user == user)
        #expect(PasswordHashing.bcryptCost(of: credentials.passwordHash) == 4, "bcrypt at the storage's cost")
        #expect(try await storage.credentials(named: "nobody") == nil)
        let session = try await storage.createSession(for: user)
        #expect(try await storage.user(forSession: session) == user)
        try await storage.deleteSession(session)
        #expect(try await storage.user(forSession: session) == nil)
    }

    @Test func historyPagesAndSkipsDeleted() async throws {
        let storage = try Storage(path: nil, passwordCost: 4)
        defer { storage.close() }
        let gina = try await storage.createUser(name: "gina", password: "g")
        let hal = try await storage.createUser(name: "hal", password: "h")
        let ivy = try await storage.createUser(name: "ivy", password: "i")
        var keys: [String] = []
        for index in 0..<5 {
            let (from, to) = index.isMultiple(of: 2) ? (gina, hal) : (hal, gina)
            keys.append(try await storage.storeMessage(from: from, to: .user(to), text: "m\(index)").key)
        }
        try await storage.storeMessage(from: gina, to: .user(ivy), text: "elsewhere")
        #expect(keys == keys.sorted())
        #expect(try await storage.deleteMessage(key: keys[3]))
        #expect(try await !storage.deleteMessage(key: keys[3]))
        let edited = try await storage.editMessage(key: keys[4], text: "m4 (edited)")
        #expect(edited?.edited == true)

        let newest = try await storage.history(of: hal, with: .user(gina), beforeKey: nil, limit: 2)
        #expect(newest.messages.map(\.text) == ["m2", "m4 (edited)"])
        #expect(newest.more)
        let older = try await storage.history(of: gina, with: .user(hal), beforeKey: newest.messages[0].key, limit: 10)
        #expect(older.messages.map(\.text) == ["m0", "m1"])
        #expect(!older.more)
    }

    @Test func contactsAndWatchers() async throws {
        let storage = try Storage(path: nil, passwordCost: 4)
        defer { storage.close() }
        let jo = try await storage.createUser(name: "jo", displayName: "Jo", password: "j")
        let kim = try await storage.createUser(name: "kim", displayName: "Kim", password: "k")
        try await storage.setContact(owner: "jo", contact: "kim", nickname: "Kimmy", groups: ["A", "B", "A"])
        let contacts = try await storage.contacts(of: jo)
        #expect(contacts.map(\.displayName) == ["Kimmy"])
        #expect(contacts.first?.groups == ["A", "B"])
        #expect(try await storage.watchers(of: kim) == ["jo"])
        #expect(try await storage.watchers(of: jo).isEmpty)
        try await storage.setContact(owner: "jo", contact: "kim", groups: ["C"])
        #expect(try await storage.contacts(of: jo).first?.groups == ["C"])
        #expect(try await storage.contacts(of: jo).first?.displayName == "Kim")
    }
}
