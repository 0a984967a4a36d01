import Testing

@testable import NatterTransport

@Suite struct HTTPTLSTests {
    @Test func selfSignedServerIsRejectedByDefault() throws {
        let (certificate, key) = try HTTPTestServer.makeSelfSignedCertificate()
        let server = try HTTPTestServer.start(certificate: certificate, key: key)
        let client = HTTPClient(configuration: .init(proxy: .direct))
        let error = try #require(throws: HTTPError.self) {
            try client.perform(HTTPRequest(url: server.url("/echo")))
        }
        #expect(error.kind == .tlsVerificationFailed)
        #expect(!error.isRetryable)
        #expect(error.description.contains("could not be verified"))
    }

    @Test func selfSignedServerIsTrustedWithItsCertificateAsCAFile() throws {
        let (certificate, key) = try HTTPTestServer.makeSelfSignedCertificate()
        let server = try HTTPTestServer.start(certificate: certificate, key: key)
        let client = HTTPClient(configuration: .init(caFile: certificate, proxy: .direct))
        let response = try client.perform(HTTPRequest(method: .post, url: server.url("/echo"), body: Array("tls".utf8)))
        #expect(response.status == 200)
        #expect(response.bodyText.contains("\"body\": \"tls\""))
    }

    @Test func missingCAFileIsAClearError() throws {
        let (certificate, key) = try HTTPTestServer.makeSelfSignedCertificate()
        let server = try HTTPTestServer.start(certificate: certificate, key: key)
        let client = HTTPClient(configuration: .init(caFile: "/nonexistent/natter-ca.pem", proxy: .direct))
        let error = try #require(throws: HTTPError.self) { try client.perform(HTTPRequest(url: server.url("/echo"))) }
        #expect(error.kind == .tlsVerificationFailed)
    }
}
