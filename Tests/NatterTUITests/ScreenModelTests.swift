import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct ScreenModelTests {
    func render(_ state: ClientState, rows: Int = 24, columns: Int = 80, ui: InterfaceState? = nil) -> ScreenFrame {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var interface = ui ?? InterfaceState(rows: rows, columns: columns)
        interface.rows = rows
        interface.columns = columns
        return model.render(state: state, ui: &interface, now: Fixture.noon)
    }

    @Test func fullLayoutAt80x24() {
        var state = Fixture.withChat([
            Fixture.message("hi alice"),
            Fixture.message("hello bob 👋", from: Fixture.alice, minute: 1, outgoing: true),
            Fixture.message("still sending", from: Fixture.alice, minute: 2, outgoing: true, delivery: .pending),
            Fixture.message("lost", from: Fixture.alice, minute: 3, outgoing: true, delivery: .failed("offline")),
        ])
        state.conversations[.direct(Fixture.bob)]!.typing = [Fixture.bob]
        state.statusNotice = .info("welcome")
        let screen = render(state).snapshot()
        #expect(screen.count == 24)
        #expect(screen.allSatisfy { DisplayWidth.of($0) == 80 })
        #expect(screen[0].hasPrefix(" Bob <bob@natter.test> — online"))
        #expect(screen[1].hasPrefix("Contacts 2/2"))
        #expect(screen[2].hasPrefix("● Bob"))
        #expect(screen[3].hasPrefix("◐ Carol"))
        #expect(screen[17].contains("10:30 <Bob> hi alice"))
        #expect(screen[18].contains("10:31 <alice> hello bob 👋"))
        #expect(screen[19].contains("10:32 <alice> ⧗ still sending"))
        #expect(screen[20].contains("10:33 <alice> ✗ lost (not sent: offline)"))
        #expect(screen[21].contains("Bob is typing…"))
        #expect(screen[22].hasPrefix("[online] alice@natter.test [1:console] [2:Bob] welcome"))
        #expect(screen[23].hasPrefix("> "))
    }

    @Test func pendingAndFailedAreStyled() {
        let state = Fixture.withChat([
            Fixture.message("wait", from: Fixture.alice, outgoing: true, delivery: .pending),
            Fixture.message("nope", from: Fixture.alice, minute: 1, outgoing: true, delivery: .failed("x")),
        ])
        let chat = render(state).pane(.chat)!
        let runs = chat.rows.flatMap(\.runs)
        #expect(runs.contains(StyledRun("⧗ wait", .pending)))
        #expect(runs.contains(StyledRun("✗ nope (not sent: x)", .failed)))
    }

    @Test func narrowTerminalHidesTheRosterAndWrapsWithHangingIndent() {
        let state = Fixture.withChat([Fixture.message("the quick brown fox jumps over the lazy dog")])
        let screen = render(state, rows: 10, columns: 40).snapshot()
        #expect(screen.allSatisfy { DisplayWidth.of($0) == 40 })
        #expect(screen[6] == "10:30 <Bob> the quick brown fox jumps   ")
        #expect(screen[7] == "            over the lazy dog           ")
    }

    @Test func wideCharactersFillExactCells() {
        let state = Fixture.withChat([Fixture.message("日本語のテキスト 👨‍👩‍👧‍👦 🇯🇵 e\u{301}")])
        for columns in [20, 21, 33, 60, 61] {
            let frame = render(state, rows: 8, columns: columns)
            for pane in frame.panes {
                for row in pane.rows { #expect(row.width == pane.width) }
            }
        }
    }

    @Test(arguments: [(0, 0), (1, 1), (4, 19), (5, 20), (3, 200), (200, 3)])
    func tinyTerminalsSayTooSmall(rows: Int, columns: Int) {
        let frame = render(Fixture.withChat([Fixture.message("x")]), rows: rows, columns: columns)
        let screen = frame.snapshot()
        #expect(screen.count == rows)
        if rows >= 5 && columns >= 20 {
            #expect(frame.pane(.input) != nil)
        } else if rows > 0 && columns >= 18 {
            #expect(screen.contains { $0.contains("terminal too small") })
        }
    }

    @Test func remoteTextIsSanitised() {
        var state = Fixture.withChat([Fixture.message("evil\u{1B}]52;c;aGk=\u{07}text\u{1B}[2J")])
        state.contacts[Fixture.bob]!.displayName = "B\u{1B}[31mob"
        let screen = render(state).snapshot().joined(separator: "\n")
        #expect(!screen.contains("\u{1B}"))
        #expect(screen.contains("eviltext"))
        #expect(screen.contains("● Bob"))
    }

    @Test func statusBarShowsUnreadAndConnection() {
        var state = Fixture.withChat([Fixture.message("x")])
        let carolChat = ConversationID.direct(Fixture.carol)
        state.conversations[carolChat] = Conversation(id: carolChat, title: "Carol", unread: 3)
        state.windows.append(.conversation(carolChat))
        Fixture.setConnection(
            .reconnecting(attempt: 2, retryAt: Fixture.noon.addingTimeInterval(4.2), reason: "timeout"), in: &state)
        let status = render(state, columns: 120).snapshot()[22]
        #expect(status.hasPrefix("[reconnecting in 5 s (timeout)] alice@natter.test [1:console] [2:Bob] [3:Carol(3)]"))
        let roster = render(state).snapshot()[3]
        // Reconnecting: what we last heard of Carol's presence is stale, so it shows as unknown.
        #expect(roster.hasPrefix("? Carol") && roster.contains("(3)"))
    }

    @Test func scrollingAndReachingTheTop() {
        let messages = (0..<50).map { Fixture.message("message \($0)", minute: $0) }
        let state = Fixture.withChat(messages)
        var ui = InterfaceState(rows: 24, columns: 80)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        _ = model.render(state: state, ui: &ui, now: Fixture.noon)
        #expect(ui.chatMetrics.pageHeight == 21)
        #expect(!ui.chatMetrics.reachedTop)
        #expect(ui.handle(.pageUp, state: state, now: Fixture.noon).isEmpty)
        var screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(screen[20].contains("message 30"))
        #expect(screen[21].contains("-- MORE --"))
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        _ = ui.handle(.pageUp, state: state, now: Fixture.noon)
        screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(screen[1].contains("── Tuesday 2 January 2024 ──"))
        #expect(screen[2].contains("message 0"))
        #expect(ui.chatMetrics.reachedTop)
        let actions = ui.handle(.pageUp, state: state, now: Fixture.noon)
        #expect(actions == [.dispatch(.loadOlderHistory(.direct(Fixture.bob)))])
        for _ in 0..<5 { _ = ui.handle(.pageDown, state: state, now: Fixture.noon) }
        screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(screen[21].contains("message 49"))
    }

    @Test func bigRosterIsSortedOnceAndRendersQuickly() {
        var state = Fixture.state()
        for index in 0..<10_000 {
            let jid = JID(local: "user\(index)", domain: Fixture.domain)
            state.contacts[jid] = Contact(jid: jid, presence: index % 3 == 0 ? .available : .unavailable)
        }
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        var ui = InterfaceState(rows: 50, columns: 120)
        _ = model.render(state: state, ui: &ui, now: Fixture.noon)
        // Speed is natter-bench's business; here: a hundred renders without a roster change sort it once.
        for revision in 1...100 {
            state.revision = UInt64(revision)
            _ = model.render(state: state, ui: &ui, now: Fixture.noon)
        }
        #expect(ui.roster.cache.sortCount == 1)
        state.contacts[JID(local: "user1", domain: Fixture.domain)]!.presence = .available
        state.revision = 500
        let screen = model.render(state: state, ui: &ui, now: Fixture.noon).snapshot()
        #expect(ui.roster.cache.sortCount == 2)
        #expect(screen[1].hasPrefix("Contacts 3337/10002"))
    }

    @Test func activeContactIsScrolledIntoView() {
        var state = Fixture.state()
        for index in 0..<500 {
            let jid = JID(local: String(format: "u%03d", index), domain: Fixture.domain)
            state.contacts[jid] = Contact(jid: jid)
        }
        let target = ConversationID.direct(JID(local: "u400", domain: Fixture.domain))
        state.conversations[target] = Conversation(id: target, title: "u400")
        state.windows.append(.conversation(target))
        state.activeWindow = .conversation(target)
        let frame = render(state)
        let roster = frame.pane(.roster)!
        #expect(
            roster.rows.contains { row in
                row.runs.dropLast().allSatisfy { $0.role == .rosterSelected } && row.text.contains("u400")
            })
    }
}
