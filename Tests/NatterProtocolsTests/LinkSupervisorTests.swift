import Foundation
import NatterModel
import NatterProtocols
import Synchronization
import Testing

@Suite("Link supervisor")
struct LinkSupervisorTests {
    private struct Refused: LinkFailure, CustomStringConvertible {
        var retryingCanHelp: Bool { false }
        var description: String { "wrong password" }
    }

    private struct Dropped: Error, CustomStringConvertible {
        var description: String { "dropped" }
    }

    /// Records reports and lets a test block until a given number arrived.
    private final class Recorder: Sendable {
        private let states = Mutex<[ConnectionState]>([])
        private let arrived = DispatchSemaphore(value: 0)

        func record(_ state: ConnectionState) {
            states.withLock { $0.append(state) }
            arrived.signal()
        }

        func waitFor(_ count: Int) throws -> [ConnectionState] {
            for _ in 0..<count {
                guard arrived.wait(timeout: .now() + 10) == .success else {
                    throw Failure(recorded: states.withLock { $0 })
                }
            }
            return states.withLock { $0 }
        }

        struct Failure: Error { var recorded: [ConnectionState] }
    }

    private static let epoch = Date(timeIntervalSince1970: 1_000_000)

    @Test func retriesWithTheBackoffUntilTheBodyComesUp() throws {
        let recorder = Recorder()
        let runs = Mutex(0)
        let release = DispatchSemaphore(value: 0)
        let supervisor = LinkSupervisor(
            name: "test.link",
            configuration: .init(backoff: ReconnectBackoff(base: 0.01, cap: 0.02), stablePeriod: 60),
            now: { Self.epoch }, random: { 1 }, report: recorder.record,
            body: { link in
                let run = runs.withLock { value -> Int in
                    value += 1
                    return value
                }
                guard run == 3 else { throw Dropped() }
                link.connected()
                release.wait()
            })
        supervisor.start()
        let states = try recorder.waitFor(5)
        #expect(
            states == [
                .connecting,
                .reconnecting(attempt: 1, retryAt: Self.epoch.addingTimeInterval(0.01), reason: "dropped"),
                .connecting,
                .reconnecting(attempt: 2, retryAt: Self.epoch.addingTimeInterval(0.02), reason: "dropped"),
                .connecting,
            ])
        supervisor.stop()
        release.signal()
    }

    @Test func givesUpOnAFailureRetryingCannotFix() throws {
        let recorder = Recorder()
        let runs = Mutex(0)
        let supervisor = LinkSupervisor(
            name: "test.link", configuration: .init(backoff: ReconnectBackoff(base: 0.01, cap: 0.01)),
            report: recorder.record,
            body: { _ in
                runs.withLock { $0 += 1 }
                throw Refused()
            })
        supervisor.start()
        #expect(try recorder.waitFor(2) == [.connecting, .offline(reason: "wrong password")])
        supervisor.stop()
        #expect(runs.withLock { $0 } == 1)
    }
}
