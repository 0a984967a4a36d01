import Foundation

/// A line for the console window and the status bar: what happened, and how bad it is.
public struct Notice: Hashable, Sendable {
    public enum Level: String, Sendable, Hashable {
        case info
        case warning
        case error
    }

    public var level: Level
    public var text: String
    public var timestamp: Date

    public init(_ level: Level, _ text: String, timestamp: Date = Date()) {
        self.level = level
        self.text = text
        self.timestamp = timestamp
    }

    public static func info(_ text: String) -> Notice { Notice(.info, text) }
    public static func warning(_ text: String) -> Notice { Notice(.warning, text) }
    public static func error(_ text: String) -> Notice { Notice(.error, text) }

    /// The same notice stamped at `time`: the reducer takes its clock from its inputs, never from `Date()`.
    public func at(_ time: Date) -> Notice { Notice(level, text, timestamp: time) }
}
