import CCurl

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPError {
    /// Translates a failed libcurl transfer into words a user can act on.
    init(curlCode code: CURLcode, errorBuffer: String, easy: UnsafeMutableRawPointer, request: HTTPRequest) {
        let detail = errorBuffer.isEmpty ? String(cString: curl_easy_strerror(code)) : errorBuffer
        let host = Self.hostDescription(of: request.url)
        var osError = 0
        _ = natter_curl_getinfo_long(easy, CURLINFO_OS_ERRNO, &osError)
        switch code {
        case CURLE_COULDNT_CONNECT where osError == Int(ECONNREFUSED):
            self.init(.connectionRefused, "connection refused by \(host): is the server running?", detail: detail)
        case CURLE_COULDNT_CONNECT:
            self.init(.connectionFailed, "could not connect to \(host)", detail: detail)
        case CURLE_COULDNT_RESOLVE_HOST:
            self.init(.dnsFailure, "could not resolve host name of \(host)", detail: detail)
        case CURLE_COULDNT_RESOLVE_PROXY:
            self.init(.dnsFailure, "could not resolve the proxy's host name", detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            self.init(.timedOut, "request to \(host) timed out", detail: detail)
        case CURLE_PEER_FAILED_VERIFICATION:
            self.init(
                .tlsVerificationFailed, "TLS certificate of \(host) could not be verified; refusing to connect",
                detail: detail)
        case CURLE_SSL_CACERT_BADFILE:
            self.init(.tlsVerificationFailed, "the configured CA file could not be loaded", detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER:
            self.init(.tlsFailed, "TLS handshake with \(host) failed", detail: detail)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            self.init(.invalidURL, "invalid or unsupported URL \"\(request.url)\"", detail: detail)
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            self.init(.connectionLost, "connection to \(host) was lost mid-request", detail: detail)
        case CURLE_ABORTED_BY_CALLBACK:
            self.init(.cancelled, "request cancelled", detail: detail)
        case CURLE_NOT_BUILT_IN, CURLE_UNKNOWN_OPTION, CURLE_FUNCTION_NOT_FOUND:
            self.init(.unsupported, "this libcurl build cannot perform the request", detail: detail)
        default:
            self.init(.transport, "HTTP transfer to \(host) failed (curl code \(code.rawValue))", detail: detail)
        }
    }

    /// `host:port` from a URL without pulling in Foundation's URL parser; good enough for messages.
    private static func hostDescription(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPart = authority.split(separator: "@").last ?? authority
        return hostPart.isEmpty ? url : String(hostPart)
    }
}
