import Foundation

/// What a scrolled-up chat window was showing at its newest, so rows added below can be counted and the view kept
/// on what the user is reading instead of sliding along with every new message.
struct ScrollAnchor: Sendable, Equatable {
    /// The newest message when the anchor was last updated.
    var newestID: String
    var newestTimestamp: Date
    /// Messages that arrived since the user scrolled up, for the `-- MORE (n new) --` marker.
    var newMessages = 0
}
