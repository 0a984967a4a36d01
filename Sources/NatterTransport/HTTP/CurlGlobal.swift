import CCurl

/// `curl_global_init` must run once, before any other libcurl call and never concurrently with
/// itself; a lazily initialised static gives exactly that.
enum CurlGlobal {
    private static let result: CURLcode = curl_global_init(natter_curl_global_all())

    static func ensureInitialized() throws {
        guard result == CURLE_OK else {
            throw HTTPError(
                .unsupported, "libcurl failed to initialise", detail: String(cString: curl_easy_strerror(result)))
        }
    }
}
