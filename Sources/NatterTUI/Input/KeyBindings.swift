/// Which key does which `KeyAction`: the defaults, with `[keys]` from config.toml laid over them. Keys not in the
/// table go to the input line as before. Pure.
public struct KeyBindings: Sendable, Equatable {
    public private(set) var actions: [Key: KeyAction]

    public static let defaults = KeyBindings(actions: [
        .altKey(.up): .rosterUp, .altKey(.down): .rosterDown, .altKey(.pageUp): .rosterPageUp,
        .altKey(.pageDown): .rosterPageDown, .altKey(.enter): .rosterOpen, .altKey(.left): .rosterFold,
        .altKey(.right): .rosterUnfold, .alt("r"): .rosterRename, .altKey(.delete): .rosterRemove,
        .escape: .rosterHide, .control("n"): .nextWindow, .control("p"): .previousWindow, .alt("a"): .nextUnread,
        .pageUp: .scrollUp, .pageDown: .scrollDown, .altKey(.end): .scrollBottom, .control("l"): .redraw,
        .tab: .complete, .control("r"): .searchNext, .alt("m"): .toggleMembers,
    ])

    init(actions: [Key: KeyAction]) { self.actions = actions }

    /// The defaults with `configured` (key name → action name, as written in `[keys]`) laid over them.
    /// - Throws: `KeyBindingError` naming the first entry that is not a key or not an action.
    public init(configured: [String: String]) throws(KeyBindingError) {
        self = .defaults
        for name in configured.keys.sorted() {
            guard let key = Self.key(named: name) else { throw .unknownKey(name) }
            let actionName = configured[name]!
            guard let action = KeyAction(rawValue: actionName.lowercased()) else {
                throw .unknownAction(key: name, action: actionName)
            }
            actions[key] = action
        }
    }

    public func action(for key: Key) -> KeyAction? { actions[key] }

    /// `/help keys`: one line per binding in force, by action.
    public var helpLines: [String] {
        let lines = actions.filter { $0.value != .none }.map { (key, action) in
            (action, Self.name(of: key))
        }
        return lines.sorted { left, right in
            let (leftIndex, rightIndex) = (Self.order[left.0]!, Self.order[right.0]!)
            return leftIndex == rightIndex ? left.1 < right.1 : leftIndex < rightIndex
        }.map { action, key in
            let padded = key.padding(toLength: max(key.count, 14), withPad: " ", startingAt: 0)
            return "  \(padded) \(action.rawValue): \(action.summary)"
        }
    }

    private static let order = Dictionary(uniqueKeysWithValues: KeyAction.allCases.enumerated().map { ($1, $0) })

    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end, "pageup": .pageUp,
        "pagedown": .pageDown, "insert": .insert, "delete": .delete, "enter": .enter, "tab": .tab,
        "backtab": .backTab, "backspace": .backspace, "escape": .escape, "space": .character(" "),
    ]

    /// `ctrl-t`, `alt-x`, `alt-up`, `f5`, `pagedown`, `x`; `c-`/`m-`/`meta-` as tmux and Emacs write them; any case.
    public static func key(named name: String) -> Key? {
        let lowered = name.lowercased()
        for prefix in ["ctrl-", "c-"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            return .control(letter)
        }
        for prefix in ["alt-", "meta-", "m-"] where lowered.hasPrefix(prefix) {
            let rest = String(name.dropFirst(prefix.count))
            if rest.count == 1, let character = rest.first { return .alt(character) }
            guard let plain = Self.key(named: rest), KeyDecoder.takesAlt(plain) else { return nil }
            return .altKey(plain)
        }
        if let key = named[lowered] { return key }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
            return .function(number)
        }
        if name.count == 1, let character = name.first { return .character(character) }
        return nil
    }

    /// The name `/help keys` shows, in the form `[keys]` accepts.
    static func name(of key: Key) -> String {
        switch key {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .control(let letter): return "ctrl-\(letter)"
        case .alt(let character): return "alt-\(character)"
        case .altKey(let plain): return "alt-" + name(of: plain)
        case .function(let number): return "f\(number)"
        default:
            return named.first { $0.value == key }?.key ?? "\(key)"
        }
    }
}
