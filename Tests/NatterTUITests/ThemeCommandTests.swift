import Foundation
import NatterEngine
import Testing

@testable import NatterTUI

@Suite struct ThemeCommandTests {
    @Test func themeSwitchesAtRuntimeAndListsTheThemesThereAre() throws {
        let parser = CommandParser()
        #expect(parser.parse("/theme light", state: Fixture.state()) == [.setTheme("light")])
        let listed = try Fixture.notice(in: parser.parse("/theme", state: Fixture.state()))
        #expect(listed.text == "themes: dark, light, mono")
        #expect(Theme.builtinNames.allSatisfy { Theme.builtin(named: $0) != nil })
    }
}
