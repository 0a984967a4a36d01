import Foundation

/// A throwaway WebSocket echo server (Python 3 stdlib, optionally TLS) on an ephemeral 127.0.0.1
/// port. It exits when its stdin closes, so a crashed test run cannot leave it behind.
final class WebSocketTestEchoServer {
    let port: Int
    private let process: WebSocketTestPythonProcess

    init(certificate: String? = nil, key: String? = nil) throws {
        process = try WebSocketTestPythonProcess(script: Self.script, arguments: [certificate, key].compactMap { $0 })
        port = process.port
    }

    private static let script = #"""
        import base64, hashlib, os, socket, ssl, struct, sys, threading

        GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

        def recv_exact(conn, n):
            data = b""
            while len(data) < n:
                chunk = conn.recv(n - len(data))
                if not chunk:
                    raise EOFError
                data += chunk
            return data

        def send_frame(conn, b0, payload):
            n = len(payload)
            if n < 126:
                header = bytes([b0, n])
            elif n < 65536:
                header = bytes([b0, 126]) + struct.pack("!H", n)
            else:
                header = bytes([b0, 127]) + struct.pack("!Q", n)
            conn.sendall(header + bytes(payload))

        def handle(conn, context):
            try:
                if context:
                    conn = context.wrap_socket(conn, server_side=True)
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    head += chunk
                key = b""
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"sec-websocket-key":
                        key = value.strip()
                accept = base64.b64encode(hashlib.sha1(key + GUID).digest())
                conn.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                             b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n")
                while True:
                    b0, b1 = recv_exact(conn, 2)
                    n = b1 & 0x7F
                    if n == 126:
                        n = struct.unpack("!H", recv_exact(conn, 2))[0]
                    elif n == 127:
                        n = struct.unpack("!Q", recv_exact(conn, 8))[0]
                    mask = recv_exact(conn, 4) if b1 & 0x80 else b"\0\0\0\0"
                    data = recv_exact(conn, n)
                    key_stream = (mask * (n // 4 + 1))[:n]
                    payload = (int.from_bytes(data, "big") ^ int.from_bytes(key_stream, "big")).to_bytes(n, "big")
                    opcode = b0 & 0x0F
                    if opcode == 0x9:
                        send_frame(conn, 0x8A, payload)
                    elif opcode == 0x8:
                        send_frame(conn, 0x88, payload[:2])
                        return
                    elif opcode == 0x1 and payload == b"please close":
                        send_frame(conn, 0x88, b"\x03\xe8bye")
                    elif opcode == 0x1 and payload == b"please ping":
                        send_frame(conn, 0x89, b"are you there")
                    elif opcode != 0xA:
                        send_frame(conn, b0, payload)
            except (EOFError, OSError, ssl.SSLError):
                pass
            finally:
                conn.close()

        def main():
            context = None
            if len(sys.argv) > 2:
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(sys.argv[1], sys.argv[2])
            server = socket.socket()
            server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            server.bind(("127.0.0.1", 0))
            server.listen(16)
            print(server.getsockname()[1], flush=True)
            threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
            while True:
                conn, _ = server.accept()
                threading.Thread(target=handle, args=(conn, context), daemon=True).start()

        main()
        """#
}
