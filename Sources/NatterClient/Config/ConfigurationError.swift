/// Why the configuration file could not be used, phrased for the person who has to fix it.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Base: Sendable, Equatable {
        case unreadable(path: String, reason: String)
        case malformed(path: String, line: Int?, reason: String)
        case plaintextPassword(path: String)
        case unknownKey(path: String, key: String)
        case wrongType(path: String, key: String, expected: String)
    }

    private let base: Base

    static func unreadable(path: String, reason: String) -> Self { Self(base: .unreadable(path: path, reason: reason)) }
    static func malformed(path: String, line: Int?, reason: String) -> Self {
        Self(base: .malformed(path: path, line: line, reason: reason))
    }
    static func plaintextPassword(path: String) -> Self { Self(base: .plaintextPassword(path: path)) }
    static func unknownKey(path: String, key: String) -> Self { Self(base: .unknownKey(path: path, key: key)) }
    static func wrongType(path: String, key: String, expected: String = "a string") -> Self {
        Self(base: .wrongType(path: path, key: key, expected: expected))
    }

    public var description: String {
        switch base {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .malformed(let path, let line?, let reason): "\(path):\(line): \(reason)"
        case .malformed(let path, nil, let reason): "\(path): \(reason)"
        case .plaintextPassword(let path):
            "\(path) contains a password; remove it and set password_command (or NATTER_PASSWORD) instead"
        case .unknownKey(let path, let key): "\(path): unknown setting '\(key)'"
        case .wrongType(let path, let key, let expected): "\(path): '\(key)' must be \(expected)"
        }
    }

    public var isPlaintextPassword: Bool {
        if case .plaintextPassword = base { return true }
        return false
    }
}
