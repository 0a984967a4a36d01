import CCurl

/// Typed `curl_easy_setopt` calls that turn a failed option into an ``HTTPError``.
struct CurlOptions {
    let easy: UnsafeMutableRawPointer

    func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code == CURLE_OK else {
            throw HTTPError(
                .unsupported, "libcurl rejected option \(option.rawValue)",
                detail: String(cString: curl_easy_strerror(code)))
        }
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(natter_curl_setopt_long(easy, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws {
        // libcurl copies string options (since 7.17), so the temporary C string may go away.
        try check(natter_curl_setopt_string(easy, option, value), option)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
        try check(natter_curl_setopt_pointer(easy, option, pointer), option)
    }

    func apply(request: HTTPRequest, configuration: HTTPClient.Configuration) throws {
        try set(CURLOPT_URL, request.url)
        // Signals would be delivered to arbitrary threads of a multi-threaded process.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile {
            try set(CURLOPT_CAINFO, caFile)
        }
        switch configuration.proxy {
        case .environment: break
        case .direct: try set(CURLOPT_PROXY, "")
        case .url(let url): try set(CURLOPT_PROXY, url)
        }
        try set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, (request.timeout ?? configuration.timeout).curlMilliseconds)
        try check(
            natter_curl_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maximumResponseSize)),
            CURLOPT_MAXFILESIZE_LARGE)
        if configuration.followRedirects {
            try set(CURLOPT_FOLLOWLOCATION, 1)
            try set(CURLOPT_MAXREDIRS, 5)
        }
        if configuration.acceptsCompressedResponses {
            // The empty string means "every encoding this libcurl build can decode".
            try set(CURLOPT_ACCEPT_ENCODING, "")
        }
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        if let credentials = request.credentials {
            try set(CURLOPT_USERNAME, credentials.username)
            try set(CURLOPT_PASSWORD, credentials.password)
            switch credentials.scheme {
            case .basic: try set(CURLOPT_HTTPAUTH, natter_curlauth_basic())
            case .ntlm: try set(CURLOPT_HTTPAUTH, natter_curlauth_ntlm())
            }
        }
        try applyMethodAndBody(request)
    }

    private func applyMethodAndBody(_ request: HTTPRequest) throws {
        switch request.method {
        case .get where request.body.isEmpty:
            try set(CURLOPT_HTTPGET, 1)
            return
        case .head:
            try set(CURLOPT_NOBODY, 1)
            return
        case .post:
            break
        default:
            try set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        try check(
            natter_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)),
            CURLOPT_POSTFIELDSIZE_LARGE)
        // COPYPOSTFIELDS copies the bytes, so the body need not outlive this call.
        try request.body.withUnsafeBytes { bytes in
            let fallback: StaticString = ""
            let pointer = bytes.baseAddress ?? UnsafeRawPointer(fallback.utf8Start)
            try set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: pointer))
        }
    }
}
