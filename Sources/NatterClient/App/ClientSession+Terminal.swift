import Foundation
import NatterEngine
import NatterTUI

extension ClientSession {
    /// Hands the terminal to the TUI until the user quits. A bad theme is reported in the console, never fatal.
    /// Returns the signal that ended the run, if one did.
    func runTerminal(themeName: String?) throws -> Int32? {
        let file = try? ClientConfiguration.load(path: ClientConfiguration.defaultPath())
        let configured = themeName ?? file?.theme
        let (theme, error) = Theme.resolve(configured, environment: ProcessInfo.processInfo.environment)
        if let error { engine.dispatch(.notice(.warning("theme: \(error); using the dark theme"))) }
        if embedded != nil {
            engine.dispatch(
                .notice(
                    .info(
                        "demo: you are alice; carol answers messages, dave changes presence; "
                            + "/conf carol,dave \"Plans\" hi starts a conference they join. /help for commands"))
            )
        }
        let attention = AttentionSettings(
            bell: file?.bell ?? true, notifyCommand: file?.notifyCommand ?? [],
            highlightWords: file?.highlightWords ?? [])
        let app = TerminalApp(
            store: engine, theme: theme, domain: domain, attention: attention,
            timestampFormat: file?.timestampFormat.map(TimestampFormat.init) ?? .standard,
            showsRoomStatus: file?.showRoomStatus ?? true,
            keyBindings: file?.keyBindings ?? .defaults, mouse: file?.mouse ?? false)
        app.alignPrefixes(
            file?.prefixAlign.flatMap(PrefixAlign.init(rawValue:)) ?? .off, max: file?.prefixAlignMax ?? 12)
        try app.run()
        if let unsent = CommandParser.unsentSummary(state: engine.state) {
            FileHandle.standardError.write(Data("natter: \(unsent)\n".utf8))
        }
        return app.endingSignal
    }
}
