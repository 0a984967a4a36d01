import Foundation
import NatterTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP(S) server on 127.0.0.1 for the HTTP client tests: a small Python script run as a
/// subprocess, so the client is tested against an implementation that shares no code with it.
///
/// `@unchecked Sendable` because `Process` and `Pipe` are not: every property is a `let` set in init,
/// and after init the process and pipe are touched only by `stop()`, whose calls are idempotent
/// (closing a closed pipe is ignored, waiting on an exited process returns at once).
final class HTTPTestServer: @unchecked Sendable {
    let port: Int
    let scheme: String
    private let process: Process
    /// The server exits when this pipe closes, so it cannot outlive a crashed or killed test run.
    private let lifeline: Pipe

    private init(process: Process, lifeline: Pipe, port: Int, scheme: String) {
        self.process = process
        self.lifeline = lifeline
        self.port = port
        self.scheme = scheme
    }

    func url(_ path: String) -> String {
        "\(scheme)://127.0.0.1:\(port)\(path)"
    }

    /// Starts a server; with `certificate` and `key` (PEM paths) it speaks HTTPS.
    static func start(certificate: String? = nil, key: String? = nil) throws -> HTTPTestServer {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "natter-http-test-server-\(UUID().uuidString).py")
        try Data(serverScript.utf8).write(to: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", script.path]
        if let certificate, let key { arguments += [certificate, key] }
        process.arguments = arguments
        let output = Pipe()
        let lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw TestServerError(message: "test server exited before reporting its port") }
            line.append(chunk)
        }
        try? FileManager.default.removeItem(at: script)
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            throw TestServerError(message: "unexpected test server output: \(text)")
        }
        return HTTPTestServer(
            process: process, lifeline: lifeline, port: port, scheme: certificate == nil ? "http" : "https")
    }

    func stop() {
        try? lifeline.fileHandleForWriting.close()
        process.stop()
    }

    deinit {
        stop()
    }

    /// A loopback port with nothing listening: bound, read back, and closed again.
    static func unusedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestServerError(message: "socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw TestServerError(message: "bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A self-signed certificate for 127.0.0.1 made with the openssl CLI in a fresh directory.
    static func makeSelfSignedCertificate() throws -> (certificate: String, key: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("natter-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilGone()
        guard process.terminationStatus == 0 else { throw TestServerError(message: "openssl failed") }
        return (certificate, key)
    }

    private static let serverScript = #"""
        import base64, http.server, json, os, signal, socketserver, ssl, sys, threading, time

        # The test process may spawn us with signals blocked; rely on stdin closing instead.
        def watch_lifeline():
            sys.stdin.buffer.read()
            os._exit(0)

        threading.Thread(target=watch_lifeline, daemon=True).start()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def send(self, status, body, headers=()):
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def handle_any(self):
                path, _, query = self.path.partition("?")
                params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if path == "/echo":
                    payload = {
                        "method": self.command,
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body.decode("utf-8", "replace"),
                        "peer": self.client_address[1],
                    }
                    self.send(200, json.dumps(payload).encode(), [
                        ("Content-Type", "application/json"), ("X-Echo", "yes"),
                        ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")])
                elif path.startswith("/status/"):
                    self.send(int(path.split("/")[2]), b"status body")
                elif path == "/slow":
                    time.sleep(float(params.get("seconds", "5")))
                    self.send(200, b"late")
                elif path == "/big":
                    size = int(params.get("bytes", "0"))
                    if params.get("chunked") == "1":
                        self.send_response(200)
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        try:
                            remaining = size
                            while remaining > 0:
                                n = min(remaining, 65536)
                                self.wfile.write(b"%x\r\n" % n + b"x" * n + b"\r\n")
                                remaining -= n
                            self.wfile.write(b"0\r\n\r\n")
                        except OSError:
                            pass
                    else:
                        self.send(200, b"x" * size)
                elif path == "/auth":
                    expected = "Basic " + base64.b64encode(b"alice:pa:ss word").decode()
                    if self.headers.get("Authorization") == expected:
                        self.send(200, b"welcome alice")
                    else:
                        self.send(401, b"who are you", [("WWW-Authenticate", 'Basic realm="natter"')])
                else:
                    self.send(404, b"not found")

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = handle_any

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass

        server = Server(("127.0.0.1", 0), Handler)
        if len(sys.argv) == 3:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[1], sys.argv[2])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        print("PORT %d" % server.server_address[1], flush=True)
        server.serve_forever()
        """#
}

struct TestServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
