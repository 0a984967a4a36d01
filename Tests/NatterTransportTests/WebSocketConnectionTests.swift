import Foundation
import Testing

@testable import NatterTransport

@Suite struct WebSocketConnectionTests {
    private let configuration = WebSocketConfiguration(closeTimeout: .seconds(2), connectTimeout: .seconds(5))

    @Test func echoesTextAndBinaryAndClosesCleanly() throws {
        let server = try WebSocketTestEchoServer()
        let connection = try WebSocketConnection.connect(
            url: "ws://127.0.0.1:\(server.port)/echo", configuration: configuration)
        #expect(connection.compression == nil)
        try connection.send(.text("héllo"))
        #expect(try connection.receive(timeout: .seconds(5)) == .message(.text("héllo")))
        let big = (0..<300_000).map { UInt8(truncatingIfNeeded: $0) }
        try connection.send(.binary(big))
        #expect(try connection.receive(timeout: .seconds(5)) == .message(.binary(big)))
        try connection.sendPing([1, 2, 3])
        try connection.send(.text("after ping"))
        #expect(try connection.receive(timeout: .seconds(5)) == .message(.text("after ping")))
        connection.close()
        #expect(throws: WebSocketError.connectionClosed) { try connection.send(.text("too late")) }
        #expect(throws: WebSocketError.connectionClosed) { try connection.receive(timeout: .seconds(1)) }
    }

    @Test func answersServerPingsAndServerInitiatedClose() throws {
        let server = try WebSocketTestEchoServer()
        let connection = try WebSocketConnection.connect(
            url: "ws://127.0.0.1:\(server.port)/", configuration: configuration)
        try connection.send(.text("please ping"))
        try connection.send(.text("please close"))
        #expect(try connection.receive(timeout: .seconds(5)) == .closed(code: 1000, reason: "bye"))
    }

    @Test func timeoutAndInterruptReturnNil() throws {
        let server = try WebSocketTestEchoServer()
        let connection = try WebSocketConnection.connect(
            url: "ws://127.0.0.1:\(server.port)/", configuration: configuration)
        let start = ContinuousClock.now
        #expect(try connection.receive(timeout: .milliseconds(200)) == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(200))

        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { connection.interrupt() }
        #expect(try connection.receive(timeout: nil) == nil)
        connection.close()
    }

    @Test func sendsFromOtherThreadsWhileReceiving() throws {
        let server = try WebSocketTestEchoServer()
        let connection = try WebSocketConnection.connect(
            url: "ws://127.0.0.1:\(server.port)/", configuration: configuration)
        let senders = 4
        let perSender = 50
        let group = DispatchGroup()
        for sender in 0..<senders {
            DispatchQueue.global().async(group: group) {
                for index in 0..<perSender { try? connection.send(.text("\(sender):\(index)")) }
            }
        }
        var received: [String] = []
        while received.count < senders * perSender {
            let event = try connection.receive(timeout: .seconds(10))
            guard case .message(.text(let text)) = event else {
                Issue.record("expected an echoed text message, got \(String(describing: event))")
                break
            }
            received.append(text)
        }
        group.wait()
        #expect(received.count == senders * perSender)
        for sender in 0..<senders {
            // Each sender's messages must arrive whole and in its own order.
            let mine = received.filter { $0.hasPrefix("\(sender):") }
            #expect(mine == (0..<perSender).map { "\(sender):\($0)" })
        }
        #expect(ContinuousClock.now - connection.lastActivity < .seconds(10))
        connection.close()
    }

    @Test func refusesConnectionsToClosedPorts() throws {
        let port: Int
        do {
            // Leaving the scope ends the server: its deinit waits for the process to exit, which is
            // when the listening socket is gone, so no grace period is needed before connecting.
            let server = try WebSocketTestEchoServer()
            port = server.port
        }
        #expect(throws: WebSocketError.connectFailed) {
            try WebSocketConnection.connect(url: "ws://127.0.0.1:\(port)/", configuration: configuration)
        }
    }
}

@Suite struct WebSocketConcurrentCloseTests {
    @Test func closeFromAnotherThreadWhileReaderIsBlocked() throws {
        let server = try WebSocketTestEchoServer()
        let connection = try WebSocketConnection.connect(
            url: "ws://127.0.0.1:\(server.port)/", configuration: WebSocketConfiguration(closeTimeout: .seconds(3)))
        let closed = DispatchSemaphore(value: 0)
        let start = ContinuousClock.now
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            connection.close(code: 1001, reason: "going away")
            closed.signal()
        }
        // The reader, not close(), sees the server's reply to our close frame.
        #expect(try connection.receive(timeout: .seconds(10)) == .closed(code: 1001, reason: ""))
        closed.wait()
        #expect(ContinuousClock.now - start < .seconds(3))
    }
}
