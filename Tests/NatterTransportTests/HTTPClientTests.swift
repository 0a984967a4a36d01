import Foundation
import Testing

@testable import NatterTransport

@Suite struct HTTPClientTests {
    let client = HTTPClient(configuration: .init(proxy: .direct))

    private func json(_ response: HTTPResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body))
        return try #require(object as? [String: Any])
    }

    @Test func getReturnsStatusHeadersAndBody() throws {
        let server = try HTTPTestServer.start()
        let response = try client.perform(HTTPRequest(url: server.url("/echo?x=1")))
        #expect(response.status == 200)
        #expect(response.isSuccess)
        #expect(response.headers["x-echo"] == "yes")
        #expect(response.headers["CONTENT-TYPE"] == "application/json")
        #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
        let echoed = try json(response)
        #expect(echoed["method"] as? String == "GET")
        #expect(echoed["path"] as? String == "/echo?x=1")
        #expect(echoed["body"] as? String == "")
    }

    @Test func postSendsBodyAndHeaders() throws {
        let server = try HTTPTestServer.start()
        let soap = #"<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"/>"#
        let request = HTTPRequest(
            method: .post, url: server.url("/echo"),
            headers: ["Content-Type": "application/soap+xml; charset=utf-8", "SOAPAction": "\"urn:x\"", "X-Empty": ""],
            body: Array(soap.utf8))
        let echoed = try json(try client.perform(request))
        #expect(echoed["method"] as? String == "POST")
        #expect(echoed["body"] as? String == soap)
        let headers = try #require(echoed["headers"] as? [String: String])
        #expect(headers["content-type"] == "application/soap+xml; charset=utf-8")
        #expect(headers["soapaction"] == "\"urn:x\"")
        #expect(headers["x-empty"] == "")
        #expect(headers["expect"] == nil)
        #expect(headers["user-agent"] == "Natter/1.0")
    }

    @Test func largePostBodyIsSentWithoutExpectContinue() throws {
        let server = try HTTPTestServer.start()
        let body = [UInt8](repeating: UInt8(ascii: "z"), count: 200_000)
        let echoed = try json(try client.perform(HTTPRequest(method: .post, url: server.url("/echo"), body: body)))
        #expect((echoed["body"] as? String)?.count == 200_000)
    }

    @Test(arguments: [HTTPMethod.put, .delete, .patch])
    func otherMethodsAreSentAsGiven(method: HTTPMethod) throws {
        let server = try HTTPTestServer.start()
        let echoed = try json(
            try client.perform(HTTPRequest(method: method, url: server.url("/echo"), body: Array("b".utf8))))
        #expect(echoed["method"] as? String == method.rawValue)
        #expect(echoed["body"] as? String == "b")
    }

    @Test func headRequestHasNoBody() throws {
        let server = try HTTPTestServer.start()
        let response = try client.perform(HTTPRequest(method: .head, url: server.url("/echo")))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }

    @Test(arguments: [201, 204, 401, 404, 500, 503])
    func errorStatusesAreResponsesNotErrors(status: Int) throws {
        let server = try HTTPTestServer.start()
        let response = try client.perform(HTTPRequest(url: server.url("/status/\(status)")))
        #expect(response.status == status)
        #expect(response.isSuccess == (200..<300).contains(status))
    }

    @Test func basicAuthIsSentPreemptively() throws {
        let server = try HTTPTestServer.start()
        let credentials = HTTPCredentials(username: "alice", password: "pa:ss word")
        let response = try client.perform(HTTPRequest(url: server.url("/auth"), credentials: credentials))
        #expect(response.status == 200)
        #expect(response.bodyText == "welcome alice")
        let echoed = try json(try client.perform(HTTPRequest(url: server.url("/echo"), credentials: credentials)))
        let headers = try #require(echoed["headers"] as? [String: String])
        #expect(headers["authorization"] == "Basic " + Data("alice:pa:ss word".utf8).base64EncodedString())
        let denied = try client.perform(HTTPRequest(url: server.url("/auth")))
        #expect(denied.status == 401)
        #expect(!credentials.description.contains("pa:ss"))
    }

    @Test func reusesTheConnectionForSequentialRequests() throws {
        let server = try HTTPTestServer.start()
        let first = try json(try client.perform(HTTPRequest(url: server.url("/echo"))))
        let second = try json(try client.perform(HTTPRequest(url: server.url("/echo"))))
        #expect(first["peer"] as? Int == second["peer"] as? Int)
    }

    @Test func concurrentRequestsUseSeparateHandles() async throws {
        let server = try HTTPTestServer.start()
        let client = self.client
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let response = try await client.perform(HTTPRequest(url: server.url("/status/\(200 + index)")))
                    return response.status
                }
            }
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            #expect(statuses.sorted() == Array(200..<208))
        }
    }
}
