import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct GatewayCommandTests {
    let parser = CommandParser()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func gatewayCommandsNameTheCurrentAccountAndRegistrationAsksForThePassword() throws {
        let state = Fixture.state()
        #expect(parser.parse("/gateways", state: state) == [.dispatch(.gateways(.open))])
        #expect(
            parser.parse("/gateway reg B bob", state: state) == [
                .promptSecret(.gatewayPassword(service: "b", name: "bob", account: .default))
            ])
        #expect(
            parser.parse("/gateway unreg b", state: state) == [
                .dispatch(.gateways(.unregister(service: "b", account: .default)))
            ])
        #expect(
            parser.parse("/gateway reconnect b", state: state) == [
                .dispatch(.gateways(.reconnect(service: "b", account: .default)))
            ])
        for wrong in ["/gateway", "/gateway reg b", "/gateway reg b bob secret", "/gateway frobnicate b"] {
            let notice = try Fixture.notice(in: parser.parse(wrong, state: state))
            #expect(notice.level == .error)
            #expect(notice.text.contains("usage: /gateway"))
        }
    }

    @Test func aTrailingAccountNameSaysWhoseGatewayIsMeant() throws {
        var state = Fixture.state()
        let work = AccountID("work")
        state.accounts[work] = AccountState(id: work, protocols: [.roster], domain: "a.test")
        #expect(
            parser.parse("/gateway reg b bob work", state: state) == [
                .promptSecret(.gatewayPassword(service: "b", name: "bob", account: work))
            ])
        #expect(
            parser.parse("/gateway reconnect b work", state: state) == [
                .dispatch(.gateways(.reconnect(service: "b", account: work)))
            ])
        let unknown = try Fixture.notice(in: parser.parse("/gateway unreg b home", state: state))
        #expect(unknown.level == .error)
        #expect(unknown.text.hasPrefix("/gateway: there is no account named home"))
    }

    @Test func thePasswordIsTypedWithoutEchoAndNeverReachesTheHistory() throws {
        let state = Fixture.state()
        var ui = InterfaceState(rows: 12, columns: 60)
        ui.secretPrompt = .gatewayPassword(service: "b", name: "bob", account: .default)
        for character in "s3cret" { #expect(ui.handle(.character(character), state: state, now: now).isEmpty) }
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        let screen = model.render(state: state, ui: &ui, now: now).snapshot().joined(separator: "\n")
        #expect(screen.contains("password for bob at gateway b"))
        #expect(!screen.contains("s3cret"))
        #expect(!screen.contains("******"))
        #expect(
            ui.handle(.enter, state: state, now: now) == [
                .dispatch(.gateways(.register(service: "b", name: "bob", password: "s3cret", account: .default)))
            ])
        #expect(ui.secretPrompt == nil)
        // The ordinary input line is untouched and its history never saw the password.
        #expect(ui.editor.string.isEmpty)
        _ = ui.handle(.up, state: state, now: now)
        #expect(ui.editor.string != "s3cret")
    }

    @Test func escapeCancelsThePrompt() throws {
        let state = Fixture.state()
        var ui = InterfaceState()
        ui.secretPrompt = .gatewayPassword(service: "b", name: "bob", account: .default)
        _ = ui.handle(.character("x"), state: state, now: now)
        #expect(try Fixture.notice(in: ui.handle(.escape, state: state, now: now)).text == "cancelled")
        #expect(ui.secretPrompt == nil)
    }
}
