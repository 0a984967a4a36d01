import Foundation
import NatterTestSupport
import Testing

@testable import NatterTransport

/// wss:// against a local server whose certificate comes from a throwaway CA made with the openssl CLI.
@Suite struct WebSocketTLSTests {
    private struct Certificates {
        let directory: WebSocketTestDirectory
        var caFile: String { directory.path + "/ca.pem" }
        var certificate: String { directory.path + "/server.pem" }
        var key: String { directory.path + "/server.key" }
    }

    private func makeCertificates() throws -> Certificates {
        let directory = try WebSocketTestDirectory()
        let commands = [
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem"
                + " -days 1 -subj '/CN=Natter Test CA'",
            "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr"
                + " -subj '/CN=127.0.0.1'",
            "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nbasicConstraints=CA:FALSE\\n' > ext.cnf",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 1"
                + " -extfile ext.cnf",
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-ec", commands.joined(separator: " && ")]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilGone()
        try #require(process.terminationStatus == 0, "openssl failed")
        return Certificates(directory: directory)
    }

    @Test func connectsAndEchoesWithTheTestCA() throws {
        let certificates = try makeCertificates()
        let server = try WebSocketTestEchoServer(certificate: certificates.certificate, key: certificates.key)
        let configuration = WebSocketConfiguration(closeTimeout: .seconds(2), caFile: certificates.caFile)
        let connection = try WebSocketConnection.connect(
            url: "wss://127.0.0.1:\(server.port)/tls", configuration: configuration)
        try connection.send(.text("over TLS"))
        #expect(try connection.receive(timeout: .seconds(5)) == .message(.text("over TLS")))
        let big = [UInt8](repeating: 0x5A, count: 200_000)
        try connection.send(.binary(big))
        #expect(try connection.receive(timeout: .seconds(5)) == .message(.binary(big)))
        connection.close()
    }

    @Test func refusesTheServerWithoutTheTestCA() throws {
        let certificates = try makeCertificates()
        let server = try WebSocketTestEchoServer(certificate: certificates.certificate, key: certificates.key)
        #expect(throws: WebSocketError.tlsFailed) {
            try WebSocketConnection.connect(url: "wss://127.0.0.1:\(server.port)/", configuration: .init())
        }
    }
}
