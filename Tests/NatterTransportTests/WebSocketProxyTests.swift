import Testing

@testable import NatterTransport

/// ws:// through an HTTP CONNECT proxy, which is how `WebSocketConfiguration.proxy` reaches libcurl.
@Suite struct WebSocketProxyTests {
    @Test func tunnelsThroughConnectProxy() throws {
        let server = try WebSocketTestEchoServer()
        let proxy = try WebSocketTestPythonProcess(script: Self.proxyScript)
        let configuration = WebSocketConfiguration(closeTimeout: .seconds(2), proxy: "http://127.0.0.1:\(proxy.port)")
        let connection = try WebSocketConnection.connect(
            url: "ws://127.0.0.1:\(server.port)/proxied", configuration: configuration)
        #expect(proxy.nextLine() == "CONNECT 127.0.0.1:\(server.port)")
        try connection.send(.text("through the tunnel"))
        #expect(try connection.receive(timeout: .seconds(5)) == .message(.text("through the tunnel")))
        connection.close()
    }

    @Test func failsWhenTheProxyRefuses() throws {
        let proxy = try WebSocketTestPythonProcess(script: Self.proxyScript)
        let configuration = WebSocketConfiguration(proxy: "http://127.0.0.1:\(proxy.port)")
        #expect(throws: WebSocketError.connectFailed) {
            try WebSocketConnection.connect(url: "ws://127.0.0.1:1/", configuration: configuration)
        }
    }

    /// Minimal CONNECT proxy: reports each tunnel on stdout, answers 502 when the target is unreachable.
    private static let proxyScript = #"""
        import os, socket, sys, threading

        def pump(source, target):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    target.sendall(data)
            except OSError:
                pass
            finally:
                try:
                    target.shutdown(socket.SHUT_WR)
                except OSError:
                    pass

        def handle(conn):
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(4096)
                if not chunk:
                    conn.close()
                    return
                head += chunk
            method, target = head.split(b"\r\n")[0].split()[:2]
            host, _, port = target.decode().rpartition(":")
            try:
                upstream = socket.create_connection((host, int(port)), timeout=5)
            except OSError:
                conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                conn.close()
                return
            print("CONNECT " + target.decode(), flush=True)
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            threading.Thread(target=pump, args=(conn, upstream), daemon=True).start()
            pump(upstream, conn)

        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        print(server.getsockname()[1], flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        while True:
            conn, _ = server.accept()
            threading.Thread(target=handle, args=(conn,), daemon=True).start()
        """#
}
