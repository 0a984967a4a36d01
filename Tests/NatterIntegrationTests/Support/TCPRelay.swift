import Foundation

/// A TCP relay in front of a server (a Python 3 child), which a test tells what to let through:
/// `.pass` forwards both ways, `.mute` drops what the server sends (an ack is lost on the way back),
/// `.drop` drops both ways (nothing arrives at all), and `cut()` closes every open connection and passes again.
/// Connections made later are relayed too, so a client that reconnects to the relay reaches the server again.
final class TCPRelay: @unchecked Sendable {
    enum Mode: String {
        case pass, mute, drop
    }

    let port: Int
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    /// Guarded by being used from the test's one task only, like the relay itself.
    private var pending = Data()

    init(to upstreamPort: Int) throws {
        let directory = try TestProcess.temporaryDirectory("relay")
        let path = directory + "/relay.py"
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path, String(upstreamPort)]
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var buffered = Data()
        guard let line = Self.readLine(from: stdout, pending: &buffered), let port = Int(line) else {
            process.terminate()
            throw NatterdError(description: "the relay did not start")
        }
        self.port = port
        pending = buffered
    }

    deinit {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    func set(_ mode: Mode) throws { try command(mode.rawValue) }

    func cut() throws { try command("cut") }

    /// Sends a command and waits for the relay to confirm that it is in effect.
    private func command(_ name: String) throws {
        try stdin.fileHandleForWriting.write(contentsOf: Data((name + "\n").utf8))
        guard Self.readLine(from: stdout, pending: &pending) == name else {
            throw NatterdError(description: "the relay did not confirm \(name)")
        }
    }

    private static func readLine(from stdout: Pipe, pending: inout Data) -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { return nil }
            pending.append(chunk)
        }
    }

    private static let script = #"""
        import socket, sys, threading

        upstream_port = int(sys.argv[1])
        lock = threading.Lock()
        mode = "pass"
        open_sockets = set()

        def pump(source, target, from_server):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    with lock:
                        dropped = mode == "drop" or (from_server and mode == "mute")
                    if not dropped:
                        target.sendall(data)
            except OSError:
                pass
            finally:
                for s in (source, target):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        def accept(listener):
            while True:
                client, _ = listener.accept()
                try:
                    server = socket.create_connection(("127.0.0.1", upstream_port))
                except OSError:
                    client.close()
                    continue
                with lock:
                    open_sockets.update((client, server))
                threading.Thread(target=pump, args=(client, server, False), daemon=True).start()
                threading.Thread(target=pump, args=(server, client, True), daemon=True).start()

        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        print(listener.getsockname()[1], flush=True)
        threading.Thread(target=accept, args=(listener,), daemon=True).start()
        for line in sys.stdin:
            command = line.strip()
            with lock:
                if command == "cut":
                    for s in open_sockets:
                        try:
                            s.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass
                    open_sockets.clear()
                    mode = "pass"
                else:
                    mode = command
            print(command, flush=True)
        """#
}
