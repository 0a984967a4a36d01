extension Theme {
    // The shipped themes, compiled in so the app works from any directory; tests keep them equal to Themes/*.toml.
    static let darkSource = #"""
        # Natter's default theme, for dark terminal backgrounds.
        # Each style takes fg and bg (a colour name, "bright-" + name, "default", or 0-255) and attrs
        # (bold, dim, reverse, underline, italic). Missing styles fall back to "text".
        name = "dark"
        # Colours for other people's nicks, chosen by a stable hash of their address (as WeeChat's chat_nick_colors).
        nick_colors = ["cyan", "magenta", "green", "yellow", "bright-blue", "bright-red", "bright-cyan", "bright-magenta", "bright-green", "bright-yellow"]

        [styles]
        text = { fg = "default" }
        dim = { fg = "bright-black" }
        timestamp = { fg = "bright-black" }
        own_nick = { fg = "bright-cyan", attrs = ["bold"] }
        other_nick = { fg = "bright-yellow", attrs = ["bold"] }
        highlight = { fg = "black", bg = "bright-magenta", attrs = ["bold"] }
        pending = { fg = "bright-black", attrs = ["dim"] }
        failed = { fg = "bright-red" }
        info = { fg = "bright-blue" }
        warning = { fg = "yellow", attrs = ["bold"] }
        error = { fg = "bright-red", attrs = ["bold"] }
        title_bar = { fg = "white", bg = "blue" }
        status_bar = { fg = "white", bg = "blue" }
        status_active = { fg = "bright-white", bg = "blue", attrs = ["bold", "reverse"] }
        status_unread = { fg = "bright-yellow", bg = "blue", attrs = ["bold"] }
        status_alert = { fg = "bright-red", bg = "blue", attrs = ["bold"] }
        activity_low = { fg = "bright-black", bg = "blue" }
        activity_message = { fg = "bright-white", bg = "blue", attrs = ["bold"] }
        activity_private = { fg = "bright-yellow", bg = "blue", attrs = ["bold"] }
        activity_highlight = { fg = "bright-magenta", bg = "blue", attrs = ["bold"] }
        roster_header = { fg = "cyan", attrs = ["bold"] }
        roster_selected = { fg = "black", bg = "cyan" }
        roster_cursor = { fg = "black", bg = "bright-yellow", attrs = ["bold"] }
        unread = { fg = "bright-yellow", attrs = ["bold"] }
        border = { fg = "bright-black" }
        typing = { fg = "bright-black", attrs = ["italic"] }
        input_marker = { fg = "cyan", attrs = ["bold"] }
        presence_available = { fg = "bright-green" }
        presence_away = { fg = "yellow" }
        presence_dnd = { fg = "bright-red" }
        presence_xa = { fg = "magenta" }
        presence_offline = { fg = "bright-black" }
        """#

    static let lightSource = #"""
        # For light terminal backgrounds: darker foregrounds, no bright colours that vanish on white.
        name = "light"
        # Colours for other people's nicks, chosen by a stable hash of their address (as WeeChat's chat_nick_colors).
        nick_colors = ["blue", "magenta", "green", "red", "cyan", 130, 25, 90, 28, 160]

        [styles]
        text = { fg = "default" }
        dim = { fg = 244 }
        timestamp = { fg = 244 }
        own_nick = { fg = "blue", attrs = ["bold"] }
        other_nick = { fg = "magenta", attrs = ["bold"] }
        highlight = { fg = "white", bg = "magenta", attrs = ["bold"] }
        pending = { fg = 244, attrs = ["dim"] }
        failed = { fg = "red" }
        info = { fg = "blue" }
        warning = { fg = 130, attrs = ["bold"] }
        error = { fg = "red", attrs = ["bold"] }
        title_bar = { fg = "black", bg = 252 }
        status_bar = { fg = "black", bg = 252 }
        status_active = { fg = "white", bg = "blue", attrs = ["bold"] }
        status_unread = { fg = "magenta", bg = 252, attrs = ["bold"] }
        status_alert = { fg = "red", bg = 252, attrs = ["bold"] }
        activity_low = { fg = 244, bg = 252 }
        activity_message = { fg = "black", bg = 252, attrs = ["bold"] }
        activity_private = { fg = "magenta", bg = 252, attrs = ["bold"] }
        activity_highlight = { fg = "red", bg = 252, attrs = ["bold"] }
        roster_header = { fg = "blue", attrs = ["bold"] }
        roster_selected = { fg = "white", bg = "blue" }
        roster_cursor = { fg = "black", bg = "yellow", attrs = ["bold"] }
        unread = { fg = "magenta", attrs = ["bold"] }
        border = { fg = 248 }
        typing = { fg = 244, attrs = ["italic"] }
        input_marker = { fg = "blue", attrs = ["bold"] }
        presence_available = { fg = "green" }
        presence_away = { fg = 130 }
        presence_dnd = { fg = "red" }
        presence_xa = { fg = "magenta" }
        presence_offline = { fg = 248 }
        """#

    static let monoSource = #"""
        # No colours at all: attributes only. Used automatically when NO_COLOR is set or the terminal has no colours.
        name = "mono"

        [styles]
        text = {}
        dim = { attrs = ["dim"] }
        timestamp = { attrs = ["dim"] }
        own_nick = { attrs = ["bold"] }
        other_nick = { attrs = ["bold"] }
        highlight = { attrs = ["reverse", "bold"] }
        pending = { attrs = ["dim"] }
        failed = { attrs = ["bold", "underline"] }
        info = {}
        warning = { attrs = ["bold"] }
        error = { attrs = ["bold", "underline"] }
        title_bar = { attrs = ["reverse"] }
        status_bar = { attrs = ["reverse"] }
        status_active = { attrs = ["bold"] }
        status_unread = { attrs = ["reverse", "bold"] }
        status_alert = { attrs = ["reverse", "bold", "underline"] }
        activity_low = { attrs = ["reverse"] }
        activity_message = { attrs = ["reverse", "bold"] }
        activity_private = { attrs = ["reverse", "bold", "underline"] }
        activity_highlight = { attrs = ["bold", "underline"] }
        roster_header = { attrs = ["bold", "underline"] }
        roster_selected = { attrs = ["reverse"] }
        roster_cursor = { attrs = ["bold", "underline"] }
        unread = { attrs = ["bold"] }
        border = {}
        typing = { attrs = ["dim"] }
        input_marker = { attrs = ["bold"] }
        presence_available = { attrs = ["bold"] }
        presence_away = {}
        presence_dnd = { attrs = ["bold"] }
        presence_xa = { attrs = ["dim"] }
        presence_offline = { attrs = ["dim"] }
        """#

    // Force-try: these literals are tested to parse, so a failure here is a build defect, not user input.
    public static let dark = try! Theme(toml: darkSource)
    public static let light = try! Theme(toml: lightSource)
    public static let mono = try! Theme(toml: monoSource)

    /// The shipped themes' names, for `/theme` to offer.
    public static let builtinNames = ["dark", "light", "mono"]

    /// A shipped theme by name: dark, light or mono.
    public static func builtin(named name: String) -> Theme? {
        switch name.lowercased() {
        case "dark": dark
        case "light": light
        case "mono", "none", "no-color": mono
        default: nil
        }
    }
}
