import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct MouseTests {
    /// ncurses' mouse version 2 layout: button 1 pressed/clicked, button 4 and 5 pressed (the wheel).
    let masks = MouseEvent.Masks(press: 0x2, click: 0x4, wheelUp: 0x10000, wheelDown: 0x200000)

    @Test func cursesReportsDecodeToPressesAndWheelTurns() {
        #expect(
            MouseEvent.decode(buttons: 0x2, row: 3, column: 7, masks: masks) == MouseEvent(.press, row: 3, column: 7))
        #expect(MouseEvent.decode(buttons: 0x4, row: 0, column: 0, masks: masks)?.kind == .press)
        #expect(MouseEvent.decode(buttons: 0x10000, row: 5, column: 40, masks: masks)?.kind == .wheelUp)
        #expect(MouseEvent.decode(buttons: 0x200000, row: 5, column: 40, masks: masks)?.kind == .wheelDown)
        // A release (0x1), another button, or a position off the screen is nothing.
        #expect(MouseEvent.decode(buttons: 0x1, row: 1, column: 1, masks: masks) == nil)
        #expect(MouseEvent.decode(buttons: 0x80, row: 1, column: 1, masks: masks) == nil)
        #expect(MouseEvent.decode(buttons: 0x2, row: -1, column: 1, masks: masks) == nil)
    }

    @Test func aClickOnTheStatusBarPicksTheWindowUnderIt() {
        let row = ScreenRow([StyledRun("[online] alice [1:console] [2:Bob(3)] [Act: 12,3]")])
        #expect(InterfaceState.windowNumber(atColumn: 16, in: row) == 1)
        #expect(InterfaceState.windowNumber(atColumn: 30, in: row) == 2)
        #expect(InterfaceState.windowNumber(atColumn: 44, in: row) == 12)
        #expect(InterfaceState.windowNumber(atColumn: 45, in: row) == 12)
        #expect(InterfaceState.windowNumber(atColumn: 47, in: row) == 3)
        for column in [1, 12, 26, 38, 40, 46, 60] {
            #expect(InterfaceState.windowNumber(atColumn: column, in: row) == nil, "column \(column)")
        }
        // Columns are cells: a wide character before the label counts twice.
        let wide = ScreenRow([StyledRun("漢 [2:x]")])
        #expect(InterfaceState.windowNumber(atColumn: 4, in: wide) == 2)
    }

    @Test func clicksOpenWindowsAndRosterEntriesAndTheWheelScrolls() {
        let state = Fixture.withChat((0..<60).map { Fixture.message("line \($0)", minute: $0) })
        let chat = state.activeWindow
        var ui = InterfaceState(rows: 24, columns: 100)
        var model = ScreenModel(timeZone: TimeZone(identifier: "UTC")!)
        let frame = model.render(state: state, ui: &ui, now: Fixture.noon)
        let status = frame.pane(.status)!.rows[0].text
        let column = DisplayWidth.of(String(status[..<status.range(of: "[1:")!.upperBound]))
        let clicked = ui.handle(.mouse(MouseEvent(.press, row: 22, column: column)), state: state, now: Fixture.noon)
        #expect(clicked == [.dispatch(.activateNumber(1))])
        // Row 2 of the screen is the roster's second row: Bob, under the header.
        let opened = ui.handle(.mouse(MouseEvent(.press, row: 2, column: 3)), state: state, now: Fixture.noon)
        #expect(opened == [.dispatch(.openConversation(.direct(Fixture.bob)))])
        // Below the last entry, nothing.
        #expect(ui.handle(.mouse(MouseEvent(.press, row: 15, column: 3)), state: state, now: Fixture.noon).isEmpty)
        // The wheel over the chat scrolls it three rows a notch, and back.
        _ = ui.handle(.mouse(MouseEvent(.wheelUp, row: 10, column: 50)), state: state, now: Fixture.noon)
        _ = ui.handle(.mouse(MouseEvent(.wheelUp, row: 10, column: 50)), state: state, now: Fixture.noon)
        #expect(ui.scrollOffset(of: chat) == 6)
        _ = ui.handle(.mouse(MouseEvent(.wheelDown, row: 10, column: 50)), state: state, now: Fixture.noon)
        #expect(ui.scrollOffset(of: chat) == 3)
        // Over the roster it moves the roster cursor instead.
        _ = ui.handle(.mouse(MouseEvent(.wheelDown, row: 10, column: 5)), state: state, now: Fixture.noon)
        #expect(ui.roster.cursor != nil && ui.scrollOffset(of: chat) == 3)
    }
}
