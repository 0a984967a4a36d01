import Foundation
import Testing

@testable import NatterTUI

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ["dark", "light", "mono"])
    func shippedFilesMatchTheBuiltIns(name: String) throws {
        let path = Self.themesDirectory.appendingPathComponent(name + ".toml").path
        let loaded = try Theme.load(path: path)
        #expect(loaded == Theme.builtin(named: name))
        #expect(StyleRole.allCases.allSatisfy { loaded.styles[$0] != nil })
    }

    @Test func parsesColoursAndAttributes() throws {
        let theme = try Theme(
            toml: """
                name = "t"
                [styles]
                own_nick = { fg = "bright-cyan", bg = 17, attrs = ["bold", "underline"] }
                """)
        let style = theme.style(for: .ownNick)
        #expect(style.foreground == .index(14))
        #expect(style.background == .index(17))
        #expect(style.attributes == [.bold, .underline])
        #expect(theme.style(for: .timestamp) == theme.style(for: .text))
    }

    @Test func badDocumentsGiveClearErrors() {
        func message(_ toml: String) -> String {
            do {
                _ = try Theme(toml: toml)
                return "parsed"
            } catch {
                return error.description
            }
        }
        #expect(message("[styles\n").contains("line 1"))
        #expect(message("[styles]\nown_nik = { fg = \"red\" }").contains("unknown style \"own_nik\""))
        #expect(message("[styles]\ntext = { fg = \"purple\" }").contains("styles.text.fg: unknown colour \"purple\""))
        #expect(message("[styles]\ntext = { fg = 300 }").contains("not 0-255"))
        #expect(message("[styles]\ntext = { attrs = [\"blink\"] }").contains("unknown attribute"))
        #expect(message("[styles]\ntext = \"red\"").contains("must be a table"))
    }

    @Test func missingFileFallsBackToDarkWithAnError() {
        let (theme, error) = Theme.resolve("/nonexistent/theme.toml", environment: [:])
        #expect(theme == .dark)
        #expect(error?.description.contains("/nonexistent/theme.toml") == true)
    }

    @Test func noColorStripsColours() {
        let (theme, error) = Theme.resolve("light", environment: ["NO_COLOR": "1"])
        #expect(error == nil)
        #expect(theme.styles.values.allSatisfy { !$0.hasColor })
        #expect(theme.style(for: .statusBar).attributes.contains(.reverse))
        #expect(Theme.resolve(nil, environment: ["NO_COLOR": ""]).theme == .dark)
    }

    @Test func paletteDegradesForSmallTerminals() {
        let eight = ColorPalette(theme: .dark, colors: 8, maxPairs: 64)
        #expect(eight.entry(for: .ownNick).attributes.contains(.bold))
        #expect(eight.pairs.allSatisfy { $0.0 < 8 && $0.1 < 8 })
        let none = ColorPalette(theme: .dark, colors: 0, maxPairs: 0)
        #expect(StyleRole.allCases.allSatisfy { none.entry(for: $0).pair == 0 })
        let full = ColorPalette(theme: .light, colors: 256, maxPairs: 256)
        #expect(full.pairs.contains { $0.1 == 252 })
    }
}
