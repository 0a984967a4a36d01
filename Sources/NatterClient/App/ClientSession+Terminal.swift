import Foundation
import NatterEngine
import NatterTUI

extension ClientSession {
    /// Hands the terminal to the TUI until the user quits. A bad theme is reported in the console, never fatal.
    func runTerminal(themeName: String?) throws {
        let configured = themeName ?? (try? ClientConfiguration.load(path: ClientConfiguration.defaultPath()))?.theme
        let (theme, error) = Theme.resolve(configured, environment: ProcessInfo.processInfo.environment)
        if let error { engine.dispatch(.notice(.warning("theme: \(error); using the dark theme"))) }
        if embedded != nil {
            engine.dispatch(
                .notice(.info("demo: you are alice; carol answers messages, dave changes presence. /help for commands"))
            )
        }
        try TerminalApp(store: engine, theme: theme, domain: domain).run()
    }
}
