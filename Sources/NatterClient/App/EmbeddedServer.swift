import Foundation
import Logging
import NatterServer

/// natterd running inside the client process for `natter --demo`, on a free loopback port.
///
/// The TUI owns the main thread and blocks in poll, so the server's async world is bridged with a semaphore
/// once at start and once at stop.
final class EmbeddedServer: Sendable {
    let server: NatterServer
    let port: Int

    private init(server: NatterServer, port: Int) {
        self.server = server
        self.port = port
    }

    static func start(databasePath: String) throws -> EmbeddedServer {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.databasePath = databasePath
        configuration.demo = true
        // The TUI owns the terminal: server logs on stderr would scribble over it.
        configuration.logLevel = .critical
        let server = try NatterServer(configuration: configuration)
        let result = BlockingResult<Int>()
        Task { await result.set { try await server.start() } }
        return EmbeddedServer(server: server, port: try result.wait())
    }

    func stop() {
        let done = BlockingResult<Void>()
        Task { [server] in await done.set { await server.stop() } }
        _ = try? done.wait()
    }
}
