import CCurl

/// A libcurl easy handle driven through its own multi handle.
///
/// The multi handle is what makes cancellation immediate: `curl_multi_poll` can be woken from
/// another thread, while a blocking `curl_easy_perform` could only notice a flag once a second
/// from its progress callback. The multi handle also owns the connection cache, so keeping the
/// pair together across requests is what lets connections be reused.
///
/// Not thread-safe. `@unchecked Sendable` only so the pool can hold it: ``HTTPClient`` hands each
/// instance to one thread at a time, checking it in and out of its `Mutex`-guarded pool.
final class CurlSession: @unchecked Sendable {
    private let easy: UnsafeMutableRawPointer
    private let multi: UnsafeMutableRawPointer

    init() throws {
        guard let easy = curl_easy_init() else {
            throw HTTPError(.unsupported, "libcurl could not create a transfer handle")
        }
        guard let multi = curl_multi_init() else {
            curl_easy_cleanup(easy)
            throw HTTPError(.unsupported, "libcurl could not create a multi handle")
        }
        self.easy = easy
        self.multi = multi
    }

    deinit {
        curl_multi_cleanup(multi)
        curl_easy_cleanup(easy)
    }

    func run(
        _ request: HTTPRequest, configuration: HTTPClient.Configuration, cancellation: HTTPCancellationToken?
    ) throws -> HTTPResponse {
        // Reset clears options from the previous request but keeps live connections and caches.
        curl_easy_reset(easy)
        let transfer = CurlTransfer(limit: configuration.maximumResponseSize)
        let context = Unmanaged.passRetained(transfer)
        defer { context.release() }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        let options = CurlOptions(easy: easy)
        try options.apply(request: request, configuration: configuration)
        try options.set(CURLOPT_ERRORBUFFER, pointer: errorBuffer)
        try options.check(natter_curl_setopt_write_function(easy, CurlTransfer.writeCallback), CURLOPT_WRITEFUNCTION)
        try options.check(natter_curl_setopt_header_function(easy, CurlTransfer.headerCallback), CURLOPT_HEADERFUNCTION)
        try options.set(CURLOPT_WRITEDATA, pointer: context.toOpaque())
        try options.set(CURLOPT_HEADERDATA, pointer: context.toOpaque())
        headerList = Self.headerList(for: request)
        try options.check(natter_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)

        if let cancellation {
            guard cancellation.attach(multi) else { throw HTTPError.cancelled }
        }
        defer { cancellation?.detach(multi) }
        let result = try drive(cancellation: cancellation)

        if cancellation?.isCancelled == true { throw HTTPError.cancelled }
        if transfer.exceededLimit || result == CURLE_FILESIZE_EXCEEDED {
            throw HTTPError.responseTooLarge(limit: configuration.maximumResponseSize)
        }
        guard result == CURLE_OK else {
            throw HTTPError(curlCode: result, errorBuffer: String(cString: errorBuffer), easy: easy, request: request)
        }
        var status = 0
        _ = natter_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body)
    }

    /// Runs the transfer to completion or cancellation and returns libcurl's result for it.
    private func drive(cancellation: HTTPCancellationToken?) throws -> CURLcode {
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else {
            throw HTTPError(
                .unsupported, "libcurl refused the transfer", detail: String(cString: curl_multi_strerror(added)))
        }
        // Removing the handle mid-transfer is how libcurl aborts it; the connection is then closed
        // rather than returned to the cache.
        defer { curl_multi_remove_handle(multi, easy) }
        var running: Int32 = 1
        while running > 0 {
            let performed = curl_multi_perform(multi, &running)
            guard performed == CURLM_OK else {
                throw HTTPError(.transport, "libcurl failed", detail: String(cString: curl_multi_strerror(performed)))
            }
            if running == 0 || cancellation?.isCancelled == true { break }
            // libcurl enforces the request timeouts itself; the poll timeout only bounds how
            // long a missed wakeup could go unnoticed.
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        var result = CURLE_OK
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            if message.pointee.msg == CURLMSG_DONE {
                result = message.pointee.data.result
            }
        }
        return result
    }

    private static func headerList(for request: HTTPRequest) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for field in request.headers {
            // "Name;" is libcurl's spelling for a header with an empty value.
            let line = field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
            list = curl_slist_append(list, line)
        }
        if !request.headers.contains("Expect") {
            // libcurl would otherwise wait for "100 Continue" before sending larger POST bodies,
            // a round trip that SOAP servers and natterd never need.
            list = curl_slist_append(list, "Expect:")
        }
        return list
    }
}
