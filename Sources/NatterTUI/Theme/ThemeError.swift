/// Why a theme file could not be used; the description names the file and the offending key.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case unreadable(path: String, reason: String)
        case syntax(line: Int, column: Int, reason: String)
        case unknownStyle(String)
        case badValue(key: String, reason: String)
    }

    private let kind: Kind
    /// The file, when the theme came from one.
    public private(set) var path: String?

    private init(_ kind: Kind, path: String? = nil) {
        self.kind = kind
        self.path = path
    }

    static func unreadable(path: String, reason: String) -> ThemeError {
        ThemeError(.unreadable(path: path, reason: reason), path: path)
    }
    static func syntax(line: Int, column: Int, reason: String) -> ThemeError {
        ThemeError(.syntax(line: line, column: column, reason: reason))
    }
    static func unknownStyle(_ name: String) -> ThemeError { ThemeError(.unknownStyle(name)) }
    static func badValue(key: String, reason: String) -> ThemeError { ThemeError(.badValue(key: key, reason: reason)) }

    func inFile(_ path: String) -> ThemeError {
        var copy = self
        copy.path = path
        return copy
    }

    public var description: String {
        let location = path.map { "theme \($0): " } ?? "theme: "
        switch kind {
        case .unreadable(_, let reason): return location + "cannot read the file (\(reason))"
        case .syntax(let line, let column, let reason): return location + "line \(line):\(column): \(reason)"
        case .unknownStyle(let name):
            return location + "unknown style \"\(name)\"; known: "
                + StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
        case .badValue(let key, let reason): return location + "\(key): \(reason)"
        }
    }
}
