import NatterProtocols
import NatterTransport
import Testing

@Suite("Shared login")
struct ServerLoginTests {
    private func response(_ status: Int, _ body: String) -> HTTPResponse {
        HTTPResponse(status: status, body: Array(body.utf8))
    }

    @Test func requestPostsBasicAuthToUserLoginWithTheClientQuoted() {
        let request = ServerLogin.request(
            serverURL: "http://127.0.0.1:7070/", user: "alice", password: "secret", client: "Nat'ter 1")
        #expect(request.method == .post)
        #expect(request.url == "http://127.0.0.1:7070/api/1/odata.svc/User.Login(client='Nat%27%27ter%201')")
        #expect(request.credentials == HTTPCredentials(username: "alice", password: "secret"))
        #expect(request.body == Array("{}".utf8))
    }

    @Test func anEmptyPasswordIsNeverSentAndNotRetried() {
        #expect(throws: LoginError.emptyPassword) {
            try ServerLogin.checkedRequest(serverURL: "http://h", user: "alice", password: "", client: "natter")
        }
        #expect(!LoginError.emptyPassword.retryingCanHelp)
        #expect(!LoginError.rejected.retryingCanHelp)
    }

    @Test func aLoginURLThatIsNotThereIsNotRetried() {
        #expect(!LoginError.httpStatus(404).retryingCanHelp)
        #expect(LoginError.httpStatus(404).description.contains("check the server URL"))
        #expect(LoginError.httpStatus(503).retryingCanHelp)
        #expect(LoginError.httpStatus(429).retryingCanHelp)
        #expect(!LoginError.plainHTTPServer("http://h:1").retryingCanHelp)
        #expect(LoginError.plainHTTPServer("http://h:1").description.contains("use http://h:1"))
    }

    @Test func parsesTheSessionAndItsServices() throws {
        let login = try ServerLogin.parse(
            response(200, #"{"d":{"sessionId":"s1","services":{"chat":"ws://h/chat","other":7}}}"#))
        #expect(login == ServerLogin(sessionID: "s1", services: ["chat": "ws://h/chat"]))
        #expect(try login.webSocketURL(for: "chat") == "ws://h/chat")
        #expect(throws: LoginError.missingService("channels")) { try login.webSocketURL(for: "channels") }
    }

    @Test func aWebSocketServiceMustBeAWebSocketURL() throws {
        let login = try ServerLogin.parse(response(200, #"{"d":{"sessionId":"s1","services":{"chat":"http://h"}}}"#))
        #expect(throws: LoginError.missingService("chat")) { try login.webSocketURL(for: "chat") }
    }

    @Test(arguments: [401, 403])
    func rejectedCredentialsAreNotRetried(status: Int) {
        #expect(throws: LoginError.rejected) { try ServerLogin.parse(response(status, "{}")) }
        #expect(!LoginError.rejected.retryingCanHelp)
    }

    @Test func serverErrorsAndGarbageAreRetried() {
        #expect(throws: LoginError.httpStatus(503)) { try ServerLogin.parse(response(503, "")) }
        #expect(throws: LoginError.notASession(bytes: 4)) { try ServerLogin.parse(response(200, "null")) }
        #expect(throws: LoginError.notASession(bytes: 22)) {
            try ServerLogin.parse(response(200, #"{"d":{"sessionId":""}}"#))
        }
        #expect(LoginError.httpStatus(503).retryingCanHelp)
    }
}
