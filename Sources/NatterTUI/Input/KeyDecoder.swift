import Foundation

/// Turns what curses' `wget_wch` returns into `Key`s: ESC-prefixed Alt keys, CSI sequences curses did not
/// recognise, and bracketed paste (`ESC [200~ … ESC [201~`), which arrives as plain characters.
///
/// Pure and incremental: feed inputs as they come, and call `flush()` once the input queue is drained so a lone
/// ESC (curses has already waited `ESCDELAY` for a follow-up) becomes the Escape key.
public struct KeyDecoder: Sendable {
    /// One unit from `wget_wch`: a character, or a function key curses decoded and the backend translated.
    public enum Input: Hashable, Sendable {
        case scalar(Unicode.Scalar)
        case key(Key)
    }

    private enum Mode: Sendable {
        case ground
        case escape
        /// After `ESC [`: collecting parameter bytes until a final byte.
        case controlSequence(String)
        case paste
    }

    private static let pasteStart = "200~"
    private static let pasteEnd = "\u{1B}[201~"
    private var mode = Mode.ground
    /// Kept outside `mode` so appending to a large paste does not copy it each time.
    private var pasteBuffer = ""
    /// Scalars not yet grouped into a cluster: a following combining mark or ZWJ still belongs to them.
    private var pendingText = String.UnicodeScalarView()

    public init() {}

    public var isInPaste: Bool {
        if case .paste = mode { return true }
        return false
    }

    public mutating func feed(_ input: Input) -> [Key] {
        switch input {
        case .key(let key):
            if case .paste = mode {
                if key == .enter { pasteBuffer.append("\n") }
                return []
            }
            // rxvt and some tmux setups send Alt+arrow as ESC then the arrow, which curses decodes on its own.
            if case .escape = mode, Self.takesAlt(key) {
                mode = .ground
                return flushText() + [.altKey(key)]
            }
            return flushText() + flushEscape() + [key]
        case .scalar(let scalar):
            return feed(scalar)
        }
    }

    public mutating func feed(_ scalars: String) -> [Key] {
        var keys: [Key] = []
        for scalar in scalars.unicodeScalars { keys += feed(scalar) }
        return keys
    }

    /// Ends whatever was waiting for more input: a lone ESC, an unfinished sequence, buffered text.
    public mutating func flush() -> [Key] {
        if case .paste = mode { return flushText() }
        return flushText() + flushEscape()
    }

    private mutating func feed(_ scalar: Unicode.Scalar) -> [Key] {
        switch mode {
        case .paste:
            pasteBuffer.unicodeScalars.append(scalar)
            if scalar == "~" && pasteBuffer.hasSuffix(Self.pasteEnd) {
                pasteBuffer.removeLast(Self.pasteEnd.count)
                mode = .ground
                defer { pasteBuffer = "" }
                return [.paste(Self.normaliseNewlines(pasteBuffer))]
            }
            return []
        case .escape:
            mode = .ground
            if scalar == "[" {
                mode = .controlSequence("")
                return []
            }
            if scalar == "\u{1B}" {
                mode = .escape
                return [.escape]
            }
            if scalar == "O" {
                mode = .controlSequence("O")
                return []
            }
            if scalar == "\r" || scalar == "\n" { return [.altKey(.enter)] }
            return [.alt(Character(scalar))]
        case .controlSequence(var body):
            body.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(scalar.value) && body != "O" {
                mode = .ground
                if body == Self.pasteStart {
                    mode = .paste
                    pasteBuffer = ""
                    return []
                }
                return Self.decodeSequence(body).map { [$0] } ?? []
            }
            mode = .controlSequence(body)
            return []
        case .ground:
            return ground(scalar)
        }
    }

    private mutating func ground(_ scalar: Unicode.Scalar) -> [Key] {
        let value = scalar.value
        if value >= 0x20 && value != 0x7F {
            // Hold the scalar back: the next one may extend the cluster (combining accent, ZWJ, skin tone).
            var extended = pendingText
            extended.append(scalar)
            if pendingText.isEmpty || String(extended).count == 1 {
                pendingText = extended
                return []
            }
            let keys = flushText()
            pendingText.append(scalar)
            return keys
        }
        let keys = flushText()
        switch value {
        case 0x1B:
            mode = .escape
            return keys
        case 0x0D, 0x0A: return keys + [.enter]
        case 0x09: return keys + [.tab]
        case 0x08, 0x7F: return keys + [.backspace]
        case 0x01...0x1A: return keys + [.control(Character(Unicode.Scalar(value + 0x60)!))]
        default: return keys
        }
    }

    private mutating func flushText() -> [Key] {
        guard !pendingText.isEmpty else { return [] }
        defer { pendingText = String.UnicodeScalarView() }
        return String(pendingText).map { .character($0) }
    }

    private mutating func flushEscape() -> [Key] {
        switch mode {
        case .escape:
            mode = .ground
            return [.escape]
        case .controlSequence:
            mode = .ground
            return []
        default:
            return []
        }
    }

    /// Keys that Alt can modify (everything else after ESC is an Alt+character or a lone Escape).
    static func takesAlt(_ key: Key) -> Bool {
        switch key {
        case .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .delete: true
        default: false
        }
    }

    /// The xterm sequences curses may pass through undecoded when terminfo lacks them. A modifier parameter of 3
    /// (`1;3A`, `5;3~`) means Alt; other modifiers (Shift, Ctrl) are read as the plain key.
    static func decodeSequence(_ body: String) -> Key? {
        let parameters = body.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        if parameters.count == 2, let final = body.last {
            let plain = parameters[0] == "1" ? String(final) : parameters[0] + String(final)
            guard let key = decodeSequence(plain) else { return nil }
            return parameters[1] == "3" && takesAlt(key) ? .altKey(key) : key
        }
        return switch body {
        case "A", "OA": .up
        case "B", "OB": .down
        case "C", "OC": .right
        case "D", "OD": .left
        case "H", "OH", "1~", "7~": .home
        case "F", "OF", "4~", "8~": .end
        case "2~": .insert
        case "3~": .delete
        case "5~": .pageUp
        case "6~": .pageDown
        case "Z": .backTab
        default: nil
        }
    }

    /// Terminals send Enter inside a paste as CR; the message should carry LF.
    static func normaliseNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
