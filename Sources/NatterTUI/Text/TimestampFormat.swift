import Foundation

/// `timestamp_format` from config.toml: the clock before each chat line, in the Unicode date-pattern letters
/// people know from other clients, limited to what a chat line needs: `HH` `H` (24-hour), `hh` `h` (12-hour),
/// `mm` `m`, `ss` `s`, `a` (AM/PM). Anything else is copied as is; text in single quotes is literal.
///
/// A value type rather than a `DateFormatter`, so the screen model stays `Sendable` and formats without locale
/// surprises.
public struct TimestampFormat: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case hour24(padded: Bool)
        case hour12(padded: Bool)
        case minute(padded: Bool)
        case second(padded: Bool)
        case meridiem
        case literal(String)
    }

    public static let standard = TimestampFormat("HH:mm")

    let tokens: [Token]
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
        var tokens: [Token] = []
        var characters = Array(pattern)[...]
        while let first = characters.first {
            if first == "'" {
                characters = characters.dropFirst()
                let literal = characters.prefix { $0 != "'" }
                tokens.append(.literal(String(literal)))
                characters = characters.dropFirst(literal.count + 1)
                continue
            }
            let run = characters.prefix { $0 == first }.count
            let padded = run >= 2
            switch first {
            case "H": tokens.append(.hour24(padded: padded))
            case "h": tokens.append(.hour12(padded: padded))
            case "m": tokens.append(.minute(padded: padded))
            case "s": tokens.append(.second(padded: padded))
            case "a": tokens.append(.meridiem)
            default: tokens.append(.literal(String(repeating: first, count: run)))
            }
            characters = characters.dropFirst(run)
        }
        self.tokens = tokens
    }

    public func string(from date: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let hour = parts.hour ?? 0
        func number(_ value: Int, _ padded: Bool) -> String { padded && value < 10 ? "0\(value)" : String(value) }
        return tokens.map { token in
            switch token {
            case .hour24(let padded): number(hour, padded)
            case .hour12(let padded): number(hour % 12 == 0 ? 12 : hour % 12, padded)
            case .minute(let padded): number(parts.minute ?? 0, padded)
            case .second(let padded): number(parts.second ?? 0, padded)
            case .meridiem: hour < 12 ? "AM" : "PM"
            case .literal(let text): text
            }
        }.joined()
    }
}
