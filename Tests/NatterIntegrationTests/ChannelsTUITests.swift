import Foundation
import Testing

/// Channels in two real terminals (tmux) against a real natterd: alice creates a channel and invites bob, bob
/// writes and sees his message read by alice, bob may not kick, and alice kicks him; the member list shows who
/// is there and the room tells who came and went.
@Suite(.serialized, .terminalSlot) struct ChannelsTUITests {
    func terminal(for user: String, server: NatterdProcess, home: String) throws -> TmuxTerminal {
        try TmuxTerminal(
            command: "\(TestProcess.binary("natter")) --server \(server.url) --user \(user)",
            environment: [
                "NATTER_PASSWORD": user, "XDG_DATA_HOME": "\(home)/\(user)/data",
                "XDG_CONFIG_HOME": "\(home)/\(user)/config",
            ])
    }

    @Test func aliceCreatesInvitesAndKicksBob() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-channels")
        let alice = try terminal(for: "alice", server: server, home: home)
        let bob = try terminal(for: "bob", server: server, home: home)
        defer {
            alice.close()
            bob.close()
        }
        #expect(try alice.waitFor("online").found)
        #expect(try bob.waitFor("online").found)

        try alice.enter("/create Ops")
        let created = try alice.waitFor("you are in #Ops")
        #expect(created.found, "alice's channel never appeared:\n\(created.screen)")
        try alice.enter("/channels Ops")
        try alice.enter("/invite bob")
        let invited = try bob.waitFor("invited you to #Ops")
        #expect(invited.found, "bob was never invited:\n\(invited.screen)\nalice:\n\((try? alice.screen()) ?? "")")

        try bob.enter("/channels Ops")
        try bob.enter("hello from bob 👋")
        let seen = try alice.waitFor("hello from bob")
        #expect(seen.found, "alice never saw bob's message:\n\(seen.screen)\nbob:\n\((try? bob.screen()) ?? "")")
        // alice has the channel open and has just typed: her client reports it read, once, and bob counts her.
        let read = try bob.waitFor("hello from bob 👋 ✓ read by 1")
        #expect(read.found, "bob's message never showed alice read it:\n\(read.screen)")

        try bob.enter("/kick alice")
        let refused = try bob.waitFor("only administrators of #Ops")
        #expect(refused.found, "bob's kick was not refused with the reason:\n\(refused.screen)")

        // The member list goes to the console, its summary to the status bar.
        try alice.enter("/members")
        #expect(try alice.waitFor("#Ops: 2 members, 2 online").found)
        try alice.enter("/win 1")
        let members = try alice.waitFor(all: ["@alice@natter.test", "bob@natter.test online"])
        #expect(members.found, "the member list lacks the administrator or bob:\n\(members.screen)")
        try alice.enter("/win 2")

        try alice.enter("/kick bob")
        let kicked = try bob.waitFor("removed you from #Ops")
        #expect(kicked.found, "bob never learnt he was kicked:\n\(kicked.screen)")
    }

    @Test func theMemberListAndStatusLinesFollowWhoIsThere() throws {
        let server = try NatterdProcess(arguments: ["--no-demo-peer"])
        let home = try TestProcess.temporaryDirectory("tui-channel-members")
        let alice = try terminal(for: "alice", server: server, home: home)
        let bob = try terminal(for: "bob", server: server, home: home)
        defer {
            alice.close()
            bob.close()
        }
        #expect(try alice.waitFor("online").found)
        #expect(try bob.waitFor("online").found)
        try alice.enter("/create Ops")
        // The new channel's window opens by itself.
        #expect(try alice.waitFor(all: ["you are in #Ops", " #Ops — admins: alice"]).found)
        #expect(try alice.waitFor("1/1 here").found, "the member pane never showed alice alone")
        try alice.enter("/invite bob")
        let joined = try alice.waitFor(all: ["-- Bob Martin joined", "2/2 here", "●@alice"])
        #expect(joined.found, "bob's join is not in the room or the member list:\n\(joined.screen)")

        try alice.enter("/who")
        let who = try alice.waitFor("#Ops: 2 here: alice, Bob Martin")
        #expect(who.found, "/who did not answer in the room:\n\(who.screen)")

        try alice.enter("/nicklist off")
        var screen = ""
        let hidden = try TestProcess.poll(timeout: 20, interval: 100_000) {
            screen = try alice.screen()
            return !screen.contains("2/2 here")
        }
        #expect(hidden, "/nicklist off left the member list:\n\(screen)")
        try alice.enter("/nicklist on")
        #expect(try alice.waitFor("2/2 here").found)

        try bob.enter("/channels Ops")
        try bob.enter("/leave")
        let left = try alice.waitFor(all: ["-- Bob Martin left", "1/1 here"])
        #expect(left.found, "bob's part is not in the room:\n\(left.screen)")
    }
}
