/// Exponential backoff with jitter for reconnect attempts.
///
/// Full jitter spreads a server's worth of clients over the window after an outage instead of having them all
/// reconnect on the same tick; the cap keeps a laptop that was asleep from waiting minutes after wake-up.
public struct ReconnectBackoff: Sendable, Equatable {
    public var base: Double
    public var cap: Double

    public init(base: Double = 1, cap: Double = 30) {
        self.base = base
        self.cap = cap
    }

    /// Seconds to wait before attempt number `attempt` (1-based); `random` is a uniform draw in 0..<1.
    public func delay(attempt: Int, random: Double) -> Double {
        let exponent = Double(min(max(attempt - 1, 0), 16))
        let ceiling = min(cap, base * pow2(exponent))
        // Never less than half the ceiling: a burst of instant retries helps nobody.
        return ceiling * (0.5 + 0.5 * random)
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 2 }
        return value
    }
}
