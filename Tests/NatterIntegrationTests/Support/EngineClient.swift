import Foundation
import NatterEngine
import NatterModel
import NatterProtocols

/// A headless client: the real engine and realtime adapter, logged in to a real server.
final class EngineClient: @unchecked Sendable {
    let engine: EngineStore
    let user: String

    init(
        user: String, serverURL: String, password: String? = nil, resource: String = "test",
        pingInterval: Duration = .seconds(10), state: ClientState? = nil, caFile: String? = nil
    ) {
        self.user = user
        engine = EngineStore(state: state ?? ClientState(domain: "natter.test"))
        engine.attach(
            RealtimeAdapter(
                configuration: RealtimeAdapterConfiguration(
                    serverURL: serverURL, user: user, password: password ?? user, resource: resource,
                    pingInterval: pingInterval, caFile: caFile,
                    backoff: ReconnectBackoff(base: 0.2, cap: 1))))
    }

    var state: ClientState { engine.state }

    /// Polls until `condition` holds; returns false on timeout so the test can say what it was waiting for.
    @discardableResult
    func wait(timeout: Double = 30, until condition: (ClientState) -> Bool) -> Bool {
        EngineWaiter(engine: engine).wait(timeout: timeout, until: condition)
    }

    func waitSynchronized() -> Bool { wait { $0.accounts[.default]?.isSynchronized == true } }

    func stop() { engine.detachAll() }

    deinit { stop() }
}
