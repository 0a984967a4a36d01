import NatterTransport

/// A login that cannot reach the server for a reason the network will not fix (a malformed URL, a TLS failure
/// such as https against a plain-HTTP server) stops the retry loop: the user must change the settings.
extension HTTPError: LinkFailure {
    public var retryingCanHelp: Bool { isRetryable }
}
