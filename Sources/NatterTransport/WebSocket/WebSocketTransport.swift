import CCurl
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Byte transport over a libcurl CONNECT_ONLY handle: curl does TCP, proxy tunnelling and verified
/// TLS; we do the framing. The socket is non-blocking, so every wait is a poll(2) that also watches
/// a self-pipe, which is how `interrupt()` and `shutdown()` wake a blocked reader.
///
/// `@unchecked Sendable`: `ioLock` guards the curl handle and `isShutDown`; the socket and pipe
/// descriptors are immutable after init.
final class WebSocketTransport: @unchecked Sendable {
    enum ReadResult: Equatable {
        case bytes(Int)
        case endOfStream
        case timedOut
        case interrupted
    }

    private static let globalInit: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    private let handle: UnsafeMutableRawPointer
    private let socket: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// libcurl and OpenSSL forbid concurrent use of one handle, so every curl call takes this lock;
    /// waits happen outside it so a reader in poll never blocks a sender.
    private let ioLock = NSLock()
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var isShutDown = false

    init(url: WebSocketURL, configuration: WebSocketConfiguration) throws(WebSocketError) {
        guard Self.globalInit, let handle = curl_easy_init() else { throw .connectFailed("libcurl init failed") }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var pipeEnds: [Int32] = [-1, -1]
        do throws(WebSocketError) {
            socket = try Self.connect(handle, url: url, configuration: configuration, errorBuffer: errorBuffer)
            guard pipe(&pipeEnds) == 0 else { throw WebSocketError.connectFailed("pipe failed: errno \(errno)") }
            for end in pipeEnds {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } catch {
            curl_easy_cleanup(handle)
            errorBuffer.deallocate()
            throw error
        }
        self.handle = handle
        self.errorBuffer = errorBuffer
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
    }

    private static func connect(
        _ handle: UnsafeMutableRawPointer, url: WebSocketURL, configuration: WebSocketConfiguration,
        errorBuffer: UnsafeMutablePointer<CChar>
    ) throws(WebSocketError) -> Int32 {
        let options = setOptions(handle, url: url, configuration: configuration, errorBuffer: errorBuffer)
        guard options == CURLE_OK else { throw connectError(options, errorBuffer: errorBuffer) }
        let performed = curl_easy_perform(handle)
        guard performed == CURLE_OK else { throw connectError(performed, errorBuffer: errorBuffer) }
        var active: curl_socket_t = -1
        guard natter_curl_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &active) == CURLE_OK, active >= 0 else {
            throw .connectFailed("libcurl reported no active socket")
        }
        return active
    }

    private static func setOptions(
        _ handle: UnsafeMutableRawPointer, url: WebSocketURL, configuration: WebSocketConfiguration,
        errorBuffer: UnsafeMutablePointer<CChar>
    ) -> CURLcode {
        let connectMilliseconds = max(1, configuration.connectTimeout.webSocketMilliseconds)
        var results = [
            natter_curl_setopt_string(handle, CURLOPT_URL, url.transportURL),
            natter_curl_setopt_long(handle, CURLOPT_CONNECT_ONLY, 1),
            natter_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            natter_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectMilliseconds),
            natter_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            // ALPN must not offer h2: the upgrade handshake is HTTP/1.1 only.
            natter_curl_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1),
            natter_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS ? 1 : 0),
            natter_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0),
            natter_curl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1),
        ]
        if let caFile = configuration.caFile {
            results.append(natter_curl_setopt_string(handle, CURLOPT_CAINFO, caFile))
        }
        if let proxy = configuration.proxy {
            results.append(natter_curl_setopt_string(handle, CURLOPT_PROXY, proxy))
            results.append(natter_curl_setopt_long(handle, CURLOPT_HTTPPROXYTUNNEL, 1))
        }
        return results.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    private static func connectError(_ code: CURLcode, errorBuffer: UnsafeMutablePointer<CChar>) -> WebSocketError {
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM:
            return .tlsFailed(message)
        default:
            return .connectFailed(message)
        }
    }

    deinit {
        curl_easy_cleanup(handle)
        close(wakeRead)
        close(wakeWrite)
        errorBuffer.deallocate()
    }

    /// Writes all of `bytes`. Callers serialise whole frames with their own lock.
    func send(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant? = nil) throws(WebSocketError) {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            var sent = 0
            let code = ioLock.withLock { curl_easy_send(handle, next, remaining, &sent) }
            if code == CURLE_AGAIN {
                switch try wait(for: Int16(POLLOUT), deadline: deadline, interruptible: false) {
                case .endOfStream: throw .connectionClosed("socket shut down while sending")
                case .timedOut: throw .transportFailed("send timed out")
                default: continue
                }
            }
            guard code == CURLE_OK else { throw .transportFailed(String(cString: curl_easy_strerror(code))) }
            next += sent
            remaining -= sent
        }
    }

    /// Reads what is available into `buffer`. curl is asked before every poll, so bytes OpenSSL has
    /// already decrypted and buffered are returned even though the socket itself is not readable.
    func read(
        into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?, interruptible: Bool
    )
        throws(WebSocketError) -> ReadResult
    {
        while true {
            var received = 0
            let code = ioLock.withLock { curl_easy_recv(handle, buffer.baseAddress, buffer.count, &received) }
            switch code {
            case CURLE_OK:
                return received == 0 ? .endOfStream : .bytes(received)
            case CURLE_AGAIN:
                let waited = try wait(for: Int16(POLLIN), deadline: deadline, interruptible: interruptible)
                if waited != .bytes(0) { return waited }
            default:
                if ioLock.withLock({ isShutDown }) { return .endOfStream }
                throw .transportFailed(String(cString: curl_easy_strerror(code)))
            }
        }
    }

    /// Polls the socket and the wake pipe. `.bytes(0)` means "the socket is ready, try again".
    private func wait(
        for events: Int16, deadline: ContinuousClock.Instant?, interruptible: Bool
    )
        throws(WebSocketError) -> ReadResult
    {
        while true {
            if ioLock.withLock({ isShutDown }) { return .endOfStream }
            var timeout: Int32 = -1
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                if left <= .zero { return .timedOut }
                // Round up so poll never wakes just before the deadline and reports a premature timeout.
                timeout = Int32(clamping: (left + .nanoseconds(999_999)).webSocketMilliseconds)
            }
            // Without interruption the wake pipe stays out of the set: a pending wake byte would make
            // poll return at once and spin. shutdown() still wakes us through the socket.
            var fds = [
                pollfd(fd: socket, events: events, revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, interruptible ? 2 : 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .transportFailed("poll failed: errno \(errno)")
            }
            if fds[1].revents != 0 {
                if ioLock.withLock({ isShutDown }) { return .endOfStream }
                if interruptible {
                    drainWakePipe()
                    return .interrupted
                }
            }
            if fds[0].revents != 0 { return .bytes(0) }
        }
    }

    private func drainWakePipe() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while Glibc.read(wakeRead, &scratch, scratch.count) > 0 {}
    }

    /// Makes a blocked `read` return `.interrupted` promptly.
    func interrupt() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    /// Ends the connection for both directions and wakes any waiter. The curl handle stays valid
    /// until deinit because another thread may still be returning from a call on it.
    func shutdown() {
        let first = ioLock.withLock {
            defer { isShutDown = true }
            return !isShutDown
        }
        guard first else { return }
        _ = Glibc.shutdown(socket, Int32(SHUT_RDWR))
        interrupt()
    }
}

extension Duration {
    var webSocketMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
