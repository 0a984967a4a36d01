import Foundation
import Testing

@testable import NatterServer

/// `natterd --gateway NAME=URL` and `--gateway-ca FILE`, read before anything starts.
@Suite("Gateways: service and TLS configuration")
struct GatewayConfigurationTests {
    func refusal(_ argument: String) -> String? {
        do {
            _ = try GatewayServiceConfiguration(parsing: argument)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func httpAndHTTPSURLsByNameAreOffered() throws {
        let plain = try GatewayServiceConfiguration(parsing: "B = http://10.0.0.5:7070/")
        #expect(plain == GatewayServiceConfiguration(name: "b", url: "http://10.0.0.5:7070"))
        #expect(!plain.usesTLS)
        let secure = try GatewayServiceConfiguration(parsing: "work=https://chat.work.example")
        #expect(secure.url == "https://chat.work.example")
        #expect(secure.usesTLS)
    }

    @Test func badArgumentsSayWhatIsWrong() {
        #expect(refusal("b") == "expected NAME=URL")
        #expect(refusal("b c=http://x") == "b c is no host-name-like label")
        #expect(refusal("b=ftp://x") == "ftp://x is no http://HOST[:PORT] or https://HOST[:PORT] URL")
        #expect(refusal("b=http://") != nil)
        #expect(
            refusal("b=https://127.0.0.1:7443")
                == "an https gateway needs the host name its certificate names, not the address 127.0.0.1")
        #expect(refusal("b=https://[::1]:7443")?.contains("not the address") == true)
    }

    @Test func theExtraCertificateAuthoritiesMustBeReadablePEM() throws {
        #expect(throws: Never.self) { try GatewayTLS(certificateAuthorityFile: nil) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gw-ca-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "not a certificate\n".write(toFile: directory + "/bad.pem", atomically: true, encoding: .utf8)
        for path in [directory + "/bad.pem", directory + "/missing.pem"] {
            #expect(throws: GatewayTLSError.self) { try GatewayTLS(certificateAuthorityFile: path) }
        }
    }

    @Test func aLoginAnswerBecomesASessionOrSaysWhyNot() {
        func answer(chat: String) -> Data {
            Data(#"{"d":{"sessionId":"s1","services":{"chat":"\#(chat)"}}}"#.utf8)
        }
        let wss = GatewayRemoteLogin.outcome(status: 200, body: answer(chat: "wss://b.test/realtime"), secure: true)
        #expect(wss == .session(.init(sessionID: "s1", chatURL: "wss://b.test/realtime")))
        let ws = GatewayRemoteLogin.outcome(status: 200, body: answer(chat: "ws://b.test/realtime"), secure: false)
        #expect(ws == .session(.init(sessionID: "s1", chatURL: "ws://b.test/realtime")))
        // After an https login the session id must not go out over a plain WebSocket.
        let downgrade = GatewayRemoteLogin.outcome(
            status: 200, body: answer(chat: "ws://b.test/realtime"), secure: true)
        guard case .unreachable(let reason) = downgrade else {
            Issue.record("a ws:// chat service after an https login was accepted: \(downgrade)")
            return
        }
        #expect(reason.contains("not wss://"))
        #expect(GatewayRemoteLogin.outcome(status: 401, body: Data(), secure: true) == .unauthorized)
        #expect(GatewayRemoteLogin.outcome(status: 403, body: Data(), secure: true) == .accountDisabled)
        #expect(
            GatewayRemoteLogin.outcome(status: 502, body: Data(), secure: true)
                == .unreachable("login answered HTTP 502"))
        #expect(
            GatewayRemoteLogin.outcome(status: 200, body: Data("{}".utf8), secure: false)
                == .unreachable("login answer without sessionId or services.chat"))
    }
}
