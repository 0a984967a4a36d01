import NatterModel

/// Status texts per language and presence, from config.toml (`[accounts.NAME.status]` and
/// `[accounts.NAME.status.LANG]`): `/presence away` without a text sends the configured ones, each as its own
/// `<presence lang>` of one IMSetPresence, so every watcher reads the status in their language.
public struct RosterStatusTexts: Sendable, Equatable {
    /// Language ("" for the language-neutral texts) → presence → text.
    public var texts: [String: [Presence: String]]

    public init(_ texts: [String: [Presence: String]] = [:]) {
        self.texts = texts
    }

    public var isEmpty: Bool { texts.values.allSatisfy(\.isEmpty) }

    /// The presences to send for `presence`: the neutral one first (it sets the user's presence), then one
    /// per language that has a text for it, in language order.
    func presences(for presence: Presence) -> [(lang: String?, status: String?)] {
        let languages = texts.keys.filter { !$0.isEmpty && texts[$0]?[presence] != nil }.sorted()
        return [(nil, texts[""]?[presence])] + languages.map { ($0, texts[$0]?[presence]) }
    }
}
