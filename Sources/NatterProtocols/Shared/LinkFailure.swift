/// An error that ends a supervised link and knows whether trying again can fix it.
///
/// Errors that do not conform count as retryable: a network failure is the common case, and giving up on
/// one would leave the user offline after a passing outage.
public protocol LinkFailure: Error {
    /// False when the same settings will fail the same way (rejected credentials); the user has to act.
    var retryingCanHelp: Bool { get }
}
