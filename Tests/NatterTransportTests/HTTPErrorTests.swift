import Foundation
import Testing

@testable import NatterTransport

@Suite struct HTTPErrorTests {
    let client = HTTPClient(configuration: .init(connectTimeout: .seconds(3), proxy: .direct))

    @Test func deadPortIsConnectionRefused() throws {
        let port = try HTTPTestServer.unusedPort()
        let error = try #require(throws: HTTPError.self) {
            try client.perform(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
        }
        #expect(error.kind == .connectionRefused)
        #expect(error.isRetryable)
        #expect(error.description.contains("connection refused by 127.0.0.1:\(port)"))
    }

    @Test func unknownHostIsDNSFailure() throws {
        let error = try #require(throws: HTTPError.self) {
            try client.perform(HTTPRequest(url: "http://natter-does-not-exist.invalid/"))
        }
        #expect(error.kind == .dnsFailure)
        #expect(error.description.contains("natter-does-not-exist.invalid"))
    }

    @Test func slowServerTimesOut() throws {
        let server = try HTTPTestServer.start()
        let error = try #require(throws: HTTPError.self) {
            try client.perform(HTTPRequest(url: server.url("/slow?seconds=5"), timeout: .milliseconds(300)))
        }
        #expect(error.kind == .timedOut)
        #expect(error.isRetryable)
    }

    @Test(arguments: [false, true])
    func oversizedResponseIsAborted(chunked: Bool) throws {
        let server = try HTTPTestServer.start()
        let small = HTTPClient(configuration: .init(proxy: .direct, maximumResponseSize: 10_000))
        let fits = try small.perform(HTTPRequest(url: server.url("/big?bytes=10000&chunked=\(chunked ? 1 : 0)")))
        #expect(fits.body.count == 10_000)
        let error = try #require(throws: HTTPError.self) {
            try small.perform(HTTPRequest(url: server.url("/big?bytes=500000&chunked=\(chunked ? 1 : 0)")))
        }
        #expect(error.kind == .responseTooLarge)
        #expect(!error.isRetryable)
        #expect(error.description.contains("10000 bytes"))
    }

    @Test func malformedURLIsReported() throws {
        let error = try #require(throws: HTTPError.self) { try client.perform(HTTPRequest(url: "ftp://127.0.0.1/x")) }
        #expect(error.kind == .invalidURL)
        let file = try #require(throws: HTTPError.self) { try client.perform(HTTPRequest(url: "file:///etc/passwd")) }
        #expect(file.kind == .invalidURL)
    }
}
