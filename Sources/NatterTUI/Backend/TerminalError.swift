/// Why the terminal front end could not start.
public struct TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case notATerminal
        case cursesFailed(String)
        case pipeFailed(Int32)
    }

    private let kind: Kind
    private init(_ kind: Kind) { self.kind = kind }

    static let notATerminal = TerminalError(.notATerminal)
    static func cursesFailed(_ step: String) -> TerminalError { TerminalError(.cursesFailed(step)) }
    static func pipeFailed(errno: Int32) -> TerminalError { TerminalError(.pipeFailed(errno)) }

    public var description: String {
        switch kind {
        case .notATerminal: "standard input and output must be a terminal (use `natter send`/`tail` in scripts)"
        case .cursesFailed(let step): "curses could not start: \(step) failed (is TERM set correctly?)"
        case .pipeFailed(let code): "could not create the wake-up pipe (errno \(code))"
        }
    }
}
