import Foundation
import NatterCodecs
import NatterModel
import Testing

/// A gateway onto an `https` remote: B serves only HTTPS and wss:// with a certificate from a throwaway CA
/// (made with openssl at test time), and A bridges alice onto bob's account at B by B's host name.
@Suite(.serialized) struct GatewayTLSIntegrationTests {
    let bob = JID("bob@natter.test")!
    let carolAddress = "carol%natter.test@b"

    /// B over TLS, with its CA at `directory/ca.pem` and a certificate for `names`.
    func startB(names: String = "IP:127.0.0.1, DNS:localhost") throws -> (server: NatterdProcess, directory: String) {
        let directory = try TestProcess.temporaryDirectory("gateway-tls-b")
        try TLSEndToEndTests.makeCertificates(in: directory, names: names)
        let server = try NatterdProcess(
            directory: directory,
            arguments: [
                "--no-demo-peer", "--tls-cert", directory + "/server.pem", "--tls-key", directory + "/server.key",
            ],
            scheme: "https")
        return (server, directory)
    }

    /// alice at A, online, registered onto bob's account at B.
    func registeredAlice(at serverA: NatterdProcess) async throws -> ZimbraTestClient {
        let alice = try await ZimbraTestClient.login("alice", port: serverA.port)
        try await alice.send(.setPresence([IMPresence(show: .online)]))
        #expect(
            try await alice.send(.gatewayRegister(service: "b", .register(name: "bob", password: "bob")))
                == .gatewayRegister(success: true))
        _ = try await alice.waitFor("trying_to_connect", GatewayIntegrationTests.gatewayState(.tryingToConnect))
        return alice
    }

    @Test func chatsFlowBothWaysOverVerifiedTLSWithTheGatewayCA() async throws {
        let (serverB, directoryB) = try startB()
        let serverA = try NatterdProcess(
            arguments: [
                "--no-demo-peer", "--gateway", "b=https://localhost:\(serverB.port)", "--gateway-ca",
                directoryB + "/ca.pem",
            ])
        let carol = EngineClient(user: "carol", serverURL: serverB.url, caFile: directoryB + "/ca.pem")
        #expect(carol.waitSynchronized())
        let alice = try await registeredAlice(at: serverA)
        _ = try await alice.waitFor("online over TLS", GatewayIntegrationTests.gatewayState(.online))

        try await alice.send(.sendMessage(to: .address(carolAddress), IMMessageContent(body: .init("over https"))))
        #expect(carol.wait { $0.conversations[.direct(bob)]?.messages.contains { $0.text == "over https" } ?? false })
        carol.engine.dispatch(.send(text: "back over wss", to: .direct(bob)))
        _ = try await alice.waitFor("carol's answer over wss") { [carolAddress] in
            if case .message(carolAddress, carolAddress, _, let content, _) = $0 {
                return content.body?.text == "back over wss"
            }
            return false
        }
        carol.stop()
    }

    /// Without `--gateway-ca` the remote's certificate is not trusted: the bridge never goes online, says why in
    /// the log, and backs off as after a network failure (the remote may be given a trusted certificate, or the
    /// CA configured, without anyone re-registering).
    @Test func aRemoteWithAnUntrustedCertificateIsRefusedAndRetriedWithBackoff() async throws {
        let (serverB, _) = try startB()
        let logDirectory = try TestProcess.temporaryDirectory("gateway-tls-a")
        let log = logDirectory + "/natterd.log"
        let serverA = try NatterdProcess(
            arguments: ["--no-demo-peer", "--gateway", "b=https://localhost:\(serverB.port)"], logPath: log)
        let alice = try await registeredAlice(at: serverA)

        var waits: [Int64] = []
        while waits.count < 2 {
            // The next state other than a new attempt: it must be a backoff, never `online`.
            let status = try await alice.waitFor("backoff") {
                guard case .gatewayStatus("b", let state, let wait) = $0 else { return false }
                return state != .tryingToConnect || wait != nil
            }
            guard case .gatewayStatus(_, .tryingToConnect, let wait?) = status else {
                Issue.record("expected a backoff after the refused certificate, got \(status)")
                return
            }
            waits.append(wait)
        }
        #expect(waits[1] > waits[0], "the backoff must grow: \(waits)")
        guard case .gatewayList(let listed) = try await alice.send(.gatewayList) else {
            Issue.record("IMGatewayList must answer with services")
            return
        }
        #expect(listed.first?.registration?.state == .tryingToConnect)
        let logged = TestProcess.poll(timeout: 10) {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("CERTIFICATE_VERIFY_FAILED")
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(logged, "no certificate failure in natterd's log:\n\(text)")
        #expect(text.contains("is the remote's certificate authority trusted?"))
        serverB.stop()
    }

    /// The CA is trusted but B's certificate names another host: the host name is checked, not only the chain.
    @Test func aTrustedCertificateForAnotherHostIsRefused() async throws {
        let (serverB, directoryB) = try startB(names: "DNS:chat.elsewhere.test")
        let log = try TestProcess.temporaryDirectory("gateway-tls-name") + "/natterd.log"
        let serverA = try NatterdProcess(
            arguments: [
                "--no-demo-peer", "--gateway", "b=https://localhost:\(serverB.port)", "--gateway-ca",
                directoryB + "/ca.pem",
            ], logPath: log)
        let alice = try await registeredAlice(at: serverA)
        let status = try await alice.waitFor("backoff") {
            guard case .gatewayStatus("b", let state, let wait) = $0 else { return false }
            return state != .tryingToConnect || wait != nil
        }
        guard case .gatewayStatus(_, .tryingToConnect, .some) = status else {
            Issue.record("expected a backoff after a certificate for another host, got \(status)")
            return
        }
        let logged = TestProcess.poll(timeout: 10) {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("gateway login failed")
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(logged && text.contains("failedToValidateHostname"), "no host name failure in natterd's log:\n\(text)")
        serverB.stop()
    }

    @Test func anHTTPSGatewayByAddressOrAnUnreadableCAIsRefusedAtStart() throws {
        let directory = try TestProcess.temporaryDirectory("gateway-tls-args")
        let byAddress = try TestProcess.run(
            TestProcess.binary("natterd"),
            ["--port", "0", "--db", directory + "/a.sqlite", "--gateway", "b=https://127.0.0.1:7443"], timeout: 20)
        #expect(byAddress.status != 0)
        #expect(byAddress.stderr.contains("needs the host name its certificate names"), "\(byAddress.stderr)")

        try "not a certificate\n".write(toFile: directory + "/bad.pem", atomically: true, encoding: .utf8)
        let badCA = try TestProcess.run(
            TestProcess.binary("natterd"),
            [
                "--port", "0", "--db", directory + "/a.sqlite", "--gateway", "b=https://localhost:7443",
                "--gateway-ca", directory + "/bad.pem",
            ], timeout: 20)
        #expect(badCA.status != 0)
        #expect(badCA.stderr.contains("--gateway-ca: cannot read certificate authorities"), "\(badCA.stderr)")
    }
}
