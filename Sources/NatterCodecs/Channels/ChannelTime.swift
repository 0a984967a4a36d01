import Foundation

/// The seed's timestamps: ISO-8601 in UTC, `2019-06-07T09:42:52Z`.
///
/// Natter writes milliseconds only when a time has them, so whole-second times look exactly like the seed's
/// example and archive paging (which compares times) does not lose sub-second order.
enum ChannelTime {
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func format(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: !whole))
    }
}
