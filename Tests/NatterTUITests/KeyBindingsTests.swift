import Foundation
import NatterEngine
import NatterModel
import Testing

@testable import NatterTUI

@Suite struct KeyBindingsTests {
    @Test func keyNamesAreReadAsConfigWritesThem() {
        #expect(KeyBindings.key(named: "ctrl-t") == .control("t"))
        #expect(KeyBindings.key(named: "C-T") == .control("t"))
        #expect(KeyBindings.key(named: "alt-x") == .alt("x"))
        #expect(KeyBindings.key(named: "M-Up") == .altKey(.up))
        #expect(KeyBindings.key(named: "alt-delete") == .altKey(.delete))
        #expect(KeyBindings.key(named: "f5") == .function(5))
        #expect(KeyBindings.key(named: "PageDown") == .pageDown)
        #expect(KeyBindings.key(named: "space") == .character(" "))
        for bad in ["ctrl-1", "ctrl-", "alt-tab", "f25", "hyper-x", "", "pgdn"] {
            #expect(KeyBindings.key(named: bad) == nil, "\(bad)")
        }
    }

    @Test func configuredBindingsLieOverTheDefaults() throws {
        let bindings = try KeyBindings(configured: ["ctrl-t": "next_window", "ctrl-n": "none", "F2": "Roster_Fold"])
        #expect(bindings.action(for: .control("t")) == .nextWindow)
        #expect(bindings.action(for: .control("n")) == KeyAction.none)
        #expect(bindings.action(for: .function(2)) == .rosterFold)
        // The rest keep their defaults.
        #expect(bindings.action(for: .control("p")) == .previousWindow)
        #expect(bindings.action(for: .altKey(.left)) == .rosterFold)
    }

    @Test func aBadBindingSaysWhatIsAllowed() {
        #expect(throws: KeyBindingError.unknownKey("ctrl-ä")) { try KeyBindings(configured: ["ctrl-ä": "redraw"]) }
        do {
            _ = try KeyBindings(configured: ["ctrl-t": "next_windw"])
            Issue.record("an unknown action was accepted")
        } catch {
            #expect(error.description.hasPrefix("[keys] \"ctrl-t\" = \"next_windw\": no such action; the actions are"))
            #expect(error.description.contains("next_window"))
        }
    }

    @Test func reboundKeysActAndUnboundOnesDoNothing() throws {
        let state = Fixture.withChat([])
        var ui = InterfaceState()
        ui.keyBindings = try KeyBindings(configured: ["ctrl-t": "next_window", "ctrl-n": "none", "f3": "roster_down"])
        #expect(ui.handle(.control("t"), state: state, now: Fixture.noon) == [.dispatch(.activateNext)])
        #expect(ui.handle(.control("n"), state: state, now: Fixture.noon).isEmpty)
        #expect(ui.handle(.function(3), state: state, now: Fixture.noon).isEmpty)
        #expect(ui.roster.cursor == .contact(Fixture.carol, group: nil))
        // Escape puts the cursor away only while there is one.
        #expect(ui.handle(.escape, state: state, now: Fixture.noon).isEmpty)
        #expect(ui.roster.cursor == nil)
    }

    @Test func helpKeysListsTheBindingsInForce() throws {
        let state = Fixture.state()
        var ui = InterfaceState()
        ui.keyBindings = try KeyBindings(configured: ["ctrl-t": "next_window", "ctrl-n": "none"])
        let actions = ui.handle(.character("x"), state: state, now: Fixture.noon)
        #expect(actions.isEmpty)
        ui.editor.setText("/help keys")
        let shown = ui.handle(.enter, state: state, now: Fixture.noon)
        #expect(shown.first == .dispatch(.activate(.console)))
        let lines = shown.compactMap { action -> String? in
            guard case .dispatch(.notice(let notice)) = action else { return nil }
            return notice.text
        }
        #expect(lines.first?.hasPrefix("keys in force") == true)
        #expect(lines.contains("  ctrl-t         next_window: next window"))
        #expect(
            lines.contains(
                "  alt-delete     roster_remove: remove the group or contact under the roster cursor (press twice)"))
        #expect(!lines.contains { $0.contains("ctrl-n ") })
    }
}
