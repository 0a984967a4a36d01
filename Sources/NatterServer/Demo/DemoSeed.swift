import Foundation

/// The `--demo` data set (DESIGN.md, "Command-line contract"): four users whose password is their name,
/// mutual contacts, a team room, the `team` distribution group and some history.
enum DemoSeed {
    struct Person {
        let name: String
        let displayName: String
    }

    static let people = [
        Person(name: "alice", displayName: "Alice Liddell"), Person(name: "bob", displayName: "Bob Martin"),
        Person(name: "carol", displayName: "Carol Chen"), Person(name: "dave", displayName: "Dave Okafor"),
    ]

    /// Pairs who are friends as well as teammates; the roster groups show both.
    static let friends: Set<Set<String>> = [["alice", "bob"], ["alice", "carol"], ["carol", "dave"]]

    static let lounge = (name: "lounge", displayName: "Lounge")
    static let team = (name: "team", displayName: "Team")

    /// Seeds only an empty database, so a persistent `--db` keeps whatever users did with it.
    /// Returns whether anything was written.
    @discardableResult
    static func seedIfEmpty(_ storage: Storage, domain: String, now: Date = Date()) async throws -> Bool {
        guard try await storage.allUsers().isEmpty else { return false }
        var users: [String: StoredUser] = [:]
        for person in people {
            users[person.name] = try await storage.createUser(
                name: person.name, displayName: person.displayName, password: person.name)
        }
        for owner in people {
            for contact in people where contact.name != owner.name {
                let groups = friends.contains([owner.name, contact.name]) ? ["Team", "Friends"] : ["Team"]
                try await storage.setContact(owner: owner.name, contact: contact.name, groups: groups)
            }
        }
        let names = people.map(\.name)
        let room = try await storage.createRoom(
            name: lounge.name, displayName: lounge.displayName, kind: .team, members: names)
        try await storage.createRoom(
            name: team.name, displayName: team.displayName, kind: .distribution, members: names)

        let history: [(from: String, to: Storage.Destination, text: String)] = [
            ("bob", .user(users["alice"]!), "Morning Alice! Did you see the build is green again?"),
            ("alice", .user(users["bob"]!), "Finally 🎉 the flaky WebSocket test is gone."),
            ("bob", .user(users["alice"]!), "Lunch at noon?"),
            ("alice", .user(users["bob"]!), "Sure, see you at the usual place."),
            ("carol", .user(users["alice"]!), "I'm back from Tokyo: 東京は楽しかったです！"),
            ("alice", .user(users["carol"]!), "Welcome back! Tell me everything."),
            ("dave", .room(room), "Welcome to the lounge, everyone."),
            ("bob", .room(room), "Coffee machine on 3 is fixed ☕"),
            ("carol", .room(room), "Release notes are in the wiki."),
        ]
        for (index, entry) in history.enumerated() {
            // Spread over the last hour, oldest first, so history reads like a conversation.
            let date = now.addingTimeInterval(-3600 + Double(index) * 300)
            try await storage.storeMessage(from: users[entry.from]!, to: entry.to, text: entry.text, at: date)
        }
        return true
    }
}
