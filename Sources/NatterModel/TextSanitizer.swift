/// Makes remote text safe to put on a terminal.
///
/// Anything a peer or server sends may carry escape sequences that move the cursor, retitle the window,
/// rewrite the clipboard (OSC 52) or reorder text (bidi overrides). All of it is removed before display;
/// printable text, including CJK and emoji, passes through untouched.
public enum TextSanitizer {
    /// For message bodies: keeps line breaks, turns tabs into spaces.
    public static func message(_ text: String) -> String { sanitize(text, keepNewlines: true) }

    /// For names, topics and status text that must stay on one line.
    public static func line(_ text: String) -> String { sanitize(text, keepNewlines: false) }

    private enum Mode {
        case text
        /// After ESC: the next character decides which sequence this is.
        case escape
        /// CSI: parameters until a final byte in 0x40...0x7E.
        case controlSequence
        /// OSC, DCS, SOS, PM, APC: a string terminated by BEL or ST.
        case controlString
        /// Inside a control string, just saw ESC; a `\` completes ST.
        case controlStringEscape
    }

    public static func sanitize(_ text: String, keepNewlines: Bool) -> String {
        var output = String.UnicodeScalarView()
        var mode = Mode.text
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch mode {
            case .text:
                if value == 0x1B {
                    mode = .escape
                } else if value == 0x9B {
                    mode = .controlSequence
                } else if value == 0x90 || value == 0x98 || value == 0x9D || value == 0x9E || value == 0x9F {
                    mode = .controlString
                } else if value == 0x0A {
                    output.append(keepNewlines ? "\n" : " ")
                } else if value == 0x09 {
                    output.append(contentsOf: keepNewlines ? "    ".unicodeScalars : " ".unicodeScalars)
                } else if !isForbidden(value) {
                    output.append(scalar)
                }
            case .escape:
                switch value {
                case 0x5B: mode = .controlSequence  // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: mode = .controlString  // ] P X ^ _
                case 0x20...0x2F: mode = .escape  // intermediate bytes of a longer escape
                default: mode = .text  // a two-character escape such as ESC c (full reset): dropped
                }
            case .controlSequence:
                if (0x40...0x7E).contains(value) || value > 0x7F { mode = .text }
            case .controlString:
                if value == 0x07 || value == 0x9C { mode = .text } else if value == 0x1B { mode = .controlStringEscape }
            case .controlStringEscape:
                mode = value == 0x5C ? .text : .controlString
            }
        }
        return String(output)
    }

    private static func isForbidden(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidi embeddings, overrides and isolates can make displayed text lie about its order.
        case 0x202A...0x202E, 0x2066...0x2069: true
        // Line and paragraph separators would break our line layout the way a raw newline would.
        case 0x2028, 0x2029: true
        default: false
        }
    }
}
