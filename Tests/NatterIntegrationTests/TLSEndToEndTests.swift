import Foundation
import Testing

/// natterd serving HTTPS and wss:// with a certificate from a throwaway CA, and natter verifying it.
@Suite(.serialized, .offThePool) struct TLSEndToEndTests {
    /// A CA and a server certificate for 127.0.0.1 and localhost (or the `names` given), made with the openssl
    /// command line in `directory`.
    static func makeCertificates(in directory: String, names: String = "IP:127.0.0.1, DNS:localhost") throws {
        let steps: [[String]] = [
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Natter Test CA",
                "-keyout", "ca.key", "-out", "ca.pem",
            ],
            [
                "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
                "-out", "server.csr",
            ],
            [
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days",
                "2", "-extfile", "san.cnf", "-out", "server.pem",
            ],
        ]
        try "subjectAltName = \(names)\n".write(
            toFile: directory + "/san.cnf", atomically: true, encoding: .utf8)
        for step in steps {
            let output = try TestProcess.run(
                "/bin/sh", ["-c", "cd '\(directory)' && openssl " + step.map { "'\($0)'" }.joined(separator: " ")])
            guard output.status == 0 else { throw NatterdError(description: "openssl failed: \(output.stderr)") }
        }
    }

    /// A natterd speaking only HTTPS and wss://, with its CA at `directory/ca.pem`.
    static func tlsServer(_ label: String) throws -> (NatterdProcess, String) {
        let directory = try TestProcess.temporaryDirectory(label)
        try makeCertificates(in: directory)
        let server = try NatterdProcess(
            directory: directory,
            arguments: ["--tls-cert", directory + "/server.pem", "--tls-key", directory + "/server.key"],
            scheme: "https")
        return (server, directory)
    }

    @Test func verifiedTLSWorksAndAnUnknownCAIsRefused() throws {
        let (server, directory) = try Self.tlsServer("tls")
        let environment = ["NATTER_PASSWORD": "alice", "XDG_DATA_HOME": directory, "XDG_CONFIG_HOME": directory]

        let trusted = try TestProcess.run(
            TestProcess.binary("natter"),
            ["roster", "--server", server.url, "--user", "alice", "--ca-file", directory + "/ca.pem"],
            environment: environment)
        #expect(trusted.status == 0, "roster over TLS failed: \(trusted.stderr)")
        #expect(trusted.stdout.contains("bob@natter.test"))

        let untrusted = try TestProcess.run(
            TestProcess.binary("natter"), ["roster", "--server", server.url, "--user", "alice"],
            environment: environment, timeout: 20)
        #expect(untrusted.status != 0, "a certificate from an unknown CA was accepted")
        #expect(untrusted.stderr.lowercased().contains("certificate"), "stderr: \(untrusted.stderr)")
    }

    @Test func theChatServiceIsAdvertisedAsWSS() throws {
        let (server, directory) = try Self.tlsServer("tls-wss")
        let login = try TestProcess.run(
            "/usr/bin/curl",
            [
                "-s", "--cacert", directory + "/ca.pem", "-u", "alice:alice", "-X", "POST",
                server.url + "/api/1/odata.svc/User.Login(client='test')",
            ])
        #expect(login.stdout.contains("\"chat\":\"wss://"), "login answered: \(login.stdout)")
    }
}
