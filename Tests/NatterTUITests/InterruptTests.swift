import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

/// Ctrl+C as irssi and WeeChat users expect it: it clears the line, it never throws a draft away by quitting.
@Suite struct InterruptTests {
    @Test func ctrlCClearsTheLineAndCtrlYBringsItBack() {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        for character in "half a thought" { _ = ui.handle(.character(character), state: state, now: Fixture.noon) }
        let (quits, actions) = ui.interrupt(state: state, now: Fixture.noon)
        #expect(!quits)
        #expect(ui.editor.isEmpty)
        #expect(actions == [.dispatch(.composing(.direct(Fixture.bob), false))])
        _ = ui.handle(.control("y"), state: state, now: Fixture.noon)
        #expect(ui.editor.string == "half a thought")
    }

    @Test func onAnEmptyLineItSaysHowToQuit() throws {
        var ui = InterfaceState()
        let (quits, actions) = ui.interrupt(state: Fixture.state(), now: Fixture.noon)
        #expect(!quits)
        #expect(try Fixture.notice(in: actions).text.contains("/quit"))
    }

    @Test func aSecondCtrlCWithinASecondQuitsALaterOneDoesNot() {
        let state = Fixture.state()
        var ui = InterfaceState()
        #expect(!ui.interrupt(state: state, now: Fixture.noon).quits)
        #expect(!ui.interrupt(state: state, now: Fixture.noon.addingTimeInterval(1.5)).quits)
        #expect(ui.interrupt(state: state, now: Fixture.noon.addingTimeInterval(2)).quits)
    }

    @Test func aKeyBetweenMakesTheNextCtrlCAFreshOne() {
        let state = Fixture.state()
        var ui = InterfaceState()
        #expect(!ui.interrupt(state: state, now: Fixture.noon).quits)
        _ = ui.handle(.control("y"), state: state, now: Fixture.noon)
        #expect(!ui.interrupt(state: state, now: Fixture.noon.addingTimeInterval(0.5)).quits)
    }
}
