import NatterTransport

/// Tells "https:// against a server that speaks plain HTTP" apart from a slow network. Such a server never
/// answers the TLS hello, so the login only times out; asking the same address over plain HTTP, briefly, shows
/// whether an HTTP server is there, and the user gets the fix (`http://`) instead of retries forever.
public enum PlainHTTPProbe {
    /// A non-retryable error naming the fix when `serverURL` is https and a plain HTTP server answers at its
    /// address; nil otherwise (the timeout was the network's).
    public static func diagnose(_ serverURL: String, http: HTTPClient) -> LoginError? {
        guard serverURL.lowercased().hasPrefix("https://") else { return nil }
        let plain = "http://" + serverURL.dropFirst("https://".count)
        let request = HTTPRequest(method: .get, url: plain, timeout: .seconds(3))
        guard (try? http.perform(request)) != nil else { return nil }
        return .plainHTTPServer(String(plain))
    }
}
