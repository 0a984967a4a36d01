extension Theme {
    /// Picks the theme to use: a file path or built-in name (config), else dark; `NO_COLOR` strips colours.
    ///
    /// Never fails: a bad theme must not keep someone from chatting. The error, if any, is returned for the
    /// app to show in the console.
    public static func resolve(
        _ nameOrPath: String?, environment: [String: String]
    ) -> (theme: Theme, error: ThemeError?) {
        var theme = Theme.dark
        var failure: ThemeError?
        if let nameOrPath, !nameOrPath.isEmpty {
            if let builtin = builtin(named: nameOrPath) {
                theme = builtin
            } else {
                do {
                    theme = try load(path: nameOrPath)
                } catch {
                    failure = error
                }
            }
        }
        // https://no-color.org: any non-empty value disables colour.
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { theme = theme.withoutColors() }
        return (theme, failure)
    }
}
