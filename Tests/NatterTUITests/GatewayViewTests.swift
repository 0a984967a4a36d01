import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// The gateways window (`/gateways`): rows drawn from the engine's gateway state, live countdowns, narrow panes.
@Suite struct GatewayViewTests {
    let now = Fixture.noon
    let work = AccountID("work")

    /// The default account on the roster protocol with the gateways window open and these services listed.
    func state(_ services: [GatewayStatus]?) -> ClientState {
        var state = ClientState(accounts: [AccountState(id: .default, protocols: [.roster], domain: "natter.test")])
        Fixture.setConnection(.online, in: &state)
        state.gateways[.default] = services
        state.windows.append(.gateways)
        state.activeWindow = .gateways
        return state
    }

    func render(_ state: ClientState, columns: Int = 100, rows: Int = 16, at time: Date? = nil) -> [String] {
        var ui = InterfaceState(rows: rows, columns: columns)
        return render(state, ui: &ui, at: time ?? now)
    }

    func render(_ state: ClientState, ui: inout InterfaceState, at time: Date) -> [String] {
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        return model.render(state: state, ui: &ui, now: time).snapshot()
    }

    /// The chat pane's rows alone, at `width` cells.
    func paneRows(_ state: ClientState, width: Int, height: Int = 10) -> [ScreenRow] {
        var ui = InterfaceState(rows: height + 3, columns: width)
        return ScreenModel().gatewayRows(state: state, ui: &ui, width: width, height: height, now: now)
    }

    @Test func eachServiceShowsItsUserAndItsStateInWordsUnderTheAccount() throws {
        let screen = render(
            state([
                GatewayStatus(service: "b", kind: "ryver", domain: "b", remoteName: "bob", state: "online"),
                GatewayStatus(service: "c", kind: "ryver", domain: "c.example"),
                GatewayStatus(service: "d", kind: "ryver", remoteName: "dan", state: "bad_auth"),
                GatewayStatus(service: "e", kind: "ryver", remoteName: "eve", state: "disabled"),
                GatewayStatus(service: "f", kind: "ryver", remoteName: "fay", state: "intentionally_offline"),
                GatewayStatus(
                    service: "g", kind: "ryver", remoteName: "gus", state: "online", otherLocation: "gus@g.test"),
            ]), columns: 120)
        let text = screen.joined(separator: "\n")
        #expect(screen[0].contains("Gateways"))
        // The roster takes the left of the screen; the view is the chat pane.
        let pane = screen.map { String($0.dropFirst(ScreenModel.layout(rows: 16, columns: 120).chatLeft)) }
        #expect(pane[1].hasPrefix("  SERVICE  KIND             REMOTE USER  STATE"), "\(pane[1])")
        #expect(pane[2].hasPrefix(" alice@natter.test"))
        #expect(pane[3].hasPrefix("  b        ryver            bob          online"), "\(pane[3])")
        #expect(
            pane[4].hasPrefix("  c        ryver c.example  —            not registered — /gateway reg c NAME"),
            "\(pane[4])")
        #expect(text.contains("dan          bad password — /gateway reg d NAME"))
        #expect(text.contains("eve          disabled by the remote server — /gateway reconnect e"))
        #expect(text.contains("offline while your presence is offline"))
        #expect(text.contains("online, also signed in elsewhere as gus@g.test"))
        #expect(pane[13].hasPrefix(" /gateway reg SERVICE NAME · unreg SERVICE · reconnect SERVICE · /close"))
        #expect(screen[14].contains("2:gateways"), "the window list names the view: \(screen[14])")
    }

    @Test func statesAreColouredByWhatTheyAskOfTheUser() throws {
        let roles: [(String, String?, StyleRole)] = [
            ("online", nil, .presenceAvailable), ("trying_to_connect", nil, .warning), ("start", nil, .warning),
            ("bad_auth", nil, .error), ("disabled", nil, .error), ("intentionally_offline", nil, .dim),
            ("online", "bob@b.test", .warning),
        ]
        for (state, other, role) in roles {
            let status = GatewayStatus(service: "b", remoteName: "bob", state: state, otherLocation: other)
            #expect(ScreenModel.gatewayState(status, now: now).role == role, "\(state)")
        }
        let rows = paneRows(state([GatewayStatus(service: "b", remoteName: "bob", state: "bad_auth")]), width: 80)
        let run = try #require(rows.flatMap(\.runs).first { $0.text.hasPrefix("bad password") })
        #expect(run.role == .error)
    }

    @Test func theRetryCountdownTicksEverySecondWhileTheViewIsOnScreen() {
        // Halves, so the sums below are exact and the seconds shown do not hang on a rounding.
        let next = now.addingTimeInterval(11.5)
        let gateways = state([
            GatewayStatus(service: "b", remoteName: "bob", state: "trying_to_connect", nextConnect: next)
        ])
        var ui = InterfaceState(rows: 16, columns: 100)
        #expect(render(gateways, ui: &ui, at: now).joined().contains("trying to connect, retry in 12 s"))
        // The next change is when 11 s remain; the loop sleeps until then and no longer.
        #expect(ui.viewDeadline == now.addingTimeInterval(0.5))
        #expect(ui.nextDeadline == now.addingTimeInterval(0.5))
        let later = now.addingTimeInterval(0.5)
        #expect(render(gateways, ui: &ui, at: later).joined().contains("retry in 11 s"))
        #expect(ui.viewDeadline == later.addingTimeInterval(1))
        #expect(render(gateways, ui: &ui, at: next).joined().contains("trying to connect, retrying now"))
        #expect(ui.viewDeadline == nil, "a countdown that ran out owes no more wakes")

        var elsewhere = gateways
        elsewhere.activeWindow = .console
        _ = render(elsewhere, ui: &ui, at: now)
        #expect(ui.viewDeadline == nil, "a hidden view must not wake the loop")
    }

    @Test func accountsAreGroupedAndSayWhyTheyHaveNoList() {
        var gateways = state([
            GatewayStatus(service: "b", remoteName: "bob", state: "online"), GatewayStatus(service: "c"),
        ])
        gateways.accounts[work] = AccountState(id: work, protocols: [.realtime], domain: "a.test")
        Fixture.setConnection(.online, as: JID("alice@a.test/tui")!, account: work, in: &gateways)
        let home = AccountID("home")
        gateways.accounts[home] = AccountState(id: home, protocols: [.roster], domain: "h.test")
        gateways.gateways[home] = []
        let text = paneRows(gateways, width: 100, height: 12).map(\.text)
        #expect(text[1].hasPrefix(" default — alice@natter.test"))
        #expect(text[2].hasPrefix("  b "))
        // A command typed here goes to the first account unless named, so with several the hints name it.
        #expect(text[3].contains("not registered — /gateway reg c NAME default"), "\(text[3])")
        #expect(text[4].hasPrefix(" home (not connected; states as last known)"))
        #expect(text[5].hasPrefix("  this server offers no gateways"))
        #expect(text[6].hasPrefix(" work — alice@a.test"))
        #expect(text[7].hasPrefix("  no gateways: they need the roster protocol"))
    }

    @Test func narrowPanesCutWithAnEllipsisAtWholeGlyphs() {
        let gateways = state([
            GatewayStatus(
                service: "日本語のゲートウェイ", kind: "ryver", remoteName: "ボブ・ザ・ビルダー・長い名前",
                state: "trying_to_connect", nextConnect: now.addingTimeInterval(5))
        ])
        for width in [20, 27, 33, 41, 59] {
            let rows = paneRows(gateways, width: width)
            for row in rows {
                #expect(row.width == width, "\(width): \(row.text)")
                #expect(!row.text.contains("\u{FFFD}"))
            }
            let service = rows[2].text
            #expect(service.contains("…"), "\(width): \(service)")
            // A cut wide glyph leaves its cell blank, never half a glyph: every character is whole.
            #expect(service.allSatisfy { DisplayWidth.of($0) >= 1 })
        }
        let wide = paneRows(gateways, width: 100)[2].text
        #expect(wide.contains("retry in 5 s"), "\(wide)")
    }

    @Test func remoteTextIsSanitizedBeforeItIsDrawn() {
        let evil = "bob\u{1B}]52;c;cGF3bmVk\u{07}\u{202E}x"
        let gateways = state([
            GatewayStatus(
                service: "b\u{1B}[2J", kind: "ryver\u{9B}31m", remoteName: evil, state: "online",
                otherLocation: "mallory\u{1B}[H@b.test")
        ])
        let text = paneRows(gateways, width: 120).map(\.text).joined(separator: "\n")
        for control in ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}"] { #expect(!text.contains(control)) }
        #expect(text.contains("bobx"))
        #expect(text.contains("signed in elsewhere as mallory@b.test"))
    }

    @Test func aLongListScrollsAndClosesLikeAnyWindow() {
        let many = (1...30).map { GatewayStatus(service: "s\($0)", remoteName: "u\($0)", state: "online") }
        var ui = InterfaceState(rows: 13, columns: 50)
        let first = render(state(many), ui: &ui, at: now)
        #expect(first[2].contains("more above (PageUp)"))
        #expect(first[9].contains("s30"))
        #expect(ui.chatMetrics.reachedTop == false)
        ui.scrollOffsets[.gateways] = 1000
        let top = render(state(many), ui: &ui, at: now)
        #expect(top[2].hasPrefix(" alice@natter.test"))
        #expect(top[9].contains("more below (PageDown)"))
        #expect(ui.chatMetrics.reachedTop)

        #expect(CommandParser().parse("/close", state: state(many)) == [.dispatch(.closeWindow(.gateways))])
    }
}
