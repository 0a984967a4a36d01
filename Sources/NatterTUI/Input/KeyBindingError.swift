/// A `[keys]` entry that names no key or no action; says what is allowed.
public struct KeyBindingError: Error, Equatable, CustomStringConvertible {
    private enum Base: Equatable {
        case unknownKey(String)
        case unknownAction(key: String, action: String)
    }

    private let base: Base

    static func unknownKey(_ name: String) -> KeyBindingError { KeyBindingError(base: .unknownKey(name)) }
    static func unknownAction(key: String, action: String) -> KeyBindingError {
        KeyBindingError(base: .unknownAction(key: key, action: action))
    }

    public var description: String {
        switch base {
        case .unknownKey(let name):
            "[keys] \"\(name)\" is not a key; write keys as ctrl-t, alt-x, alt-up, f5, pagedown, delete, …"
        case .unknownAction(let key, let action):
            "[keys] \"\(key)\" = \"\(action)\": no such action; the actions are "
                + KeyAction.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
