/// Which page of a thread's history IMGetChat asks for: forwards from a `seq` (the seed's paging), or the
/// newest messages numbered below a `seq` (natter's `before`, for a client scrolling back from the end).
enum RosterChatPage: Sendable, Hashable {
    case from(Int64)
    case before(Int64)

    init(seq: Int64?, before: Int64?) {
        if let before { self = .before(before) } else { self = .from(max(1, seq ?? 1)) }
    }

    /// The SQL condition on a `seq` column, its argument and the order to read in; `before` pages are read
    /// newest first and reversed, so the page is the one just below the bound.
    var condition: (sql: String, bound: Int64, descending: Bool) {
        switch self {
        case .from(let seq): ("seq >= ?", seq, false)
        case .before(let seq): ("seq < ?", seq, true)
        }
    }
}
