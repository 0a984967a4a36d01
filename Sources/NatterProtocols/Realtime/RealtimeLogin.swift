import Foundation
import NatterTransport

/// The Ryver login call: `POST /api/1/odata.svc/User.Login(client='…')` with Basic auth, answering a session id
/// and the chat WebSocket URL.
public struct RealtimeLogin: Sendable, Equatable {
    public var sessionID: String
    public var chatURL: String

    public static func request(serverURL: String, user: String, password: String, client: String) -> HTTPRequest {
        let base = serverURL.hasSuffix("/") ? String(serverURL.dropLast()) : serverURL
        let quoted = client.replacingOccurrences(of: "'", with: "''")
        let escaped =
            quoted.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["(", ")", "'"])) ?? quoted
        return HTTPRequest(
            method: .post, url: "\(base)/api/1/odata.svc/User.Login(client='\(escaped)')",
            headers: ["Accept": "application/json", "Content-Type": "application/json"], body: Array("{}".utf8),
            timeout: .seconds(15), credentials: HTTPCredentials(username: user, password: password))
    }

    /// Reads the login answer; a 401 is a wrong user or password and must not be retried.
    public static func parse(_ response: HTTPResponse) throws -> RealtimeLogin {
        if response.status == 401 || response.status == 403 { throw RealtimeAdapterError.loginRejected }
        guard response.isSuccess else {
            throw RealtimeAdapterError.server("login failed with HTTP \(response.status)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let d = object["d"] as? [String: Any], let sessionID = d["sessionId"] as? String, !sessionID.isEmpty,
            let services = d["services"] as? [String: Any], let chat = services["chat"] as? String,
            chat.hasPrefix("ws://") || chat.hasPrefix("wss://")
        else {
            throw RealtimeAdapterError.server("login answer is not a Ryver session (\(response.body.count) bytes)")
        }
        return RealtimeLogin(sessionID: sessionID, chatURL: chat)
    }
}
