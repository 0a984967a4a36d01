import NatterCodecs
import Testing

@testable import NatterServer

@Suite("Server lifecycle: start, stop, bind errors")
struct ServerLifecycleTests {
    @Test func startReturnsABoundPortAndStopClosesConnections() async throws {
        let running = try await TestServer.start()
        #expect(running.port > 0)
        #expect(running.server.port == running.port)
        // No retry or delay: start() promised the listener is bound.
        let alice = try await running.connect("alice")
        await running.server.stop()
        #expect(await alice.waitForClose() == "normalClosure")
    }

    @Test func portInUseFailsStart() async throws {
        try await TestServer.with { (first: TestServer) async throws in
            let second = try NatterServer(
                configuration: ServerConfiguration(port: first.port, logLevel: .critical))
            await #expect(throws: (any Error).self) { try await second.start() }
            await second.stop()
        }
    }
}
