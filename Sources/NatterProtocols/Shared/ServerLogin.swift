import Foundation
import NatterTransport

/// The login call every natterd door shares (Ryver's `User.Login`): `POST /api/1/odata.svc/User.Login(client='…')`
/// with Basic auth, answering a session id and the service URLs.
///
/// Realtime presents the session in its `auth` frame; the Channels protocol will send the same id as a bearer
/// token, which is why this lives outside any one protocol's folder.
public struct ServerLogin: Sendable, Equatable {
    public var sessionID: String
    /// `d.services`: service name to URL, e.g. `chat` → the Realtime WebSocket.
    public var services: [String: String]

    public init(sessionID: String, services: [String: String]) {
        self.sessionID = sessionID
        self.services = services
    }

    /// Refuses an empty password before anything is sent.
    public static func checkedRequest(
        serverURL: String, user: String, password: String, client: String
    ) throws(LoginError) -> HTTPRequest {
        guard !password.isEmpty else { throw .emptyPassword }
        return request(serverURL: serverURL, user: user, password: password, client: client)
    }

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

    /// Reads the login answer; a 401 or 403 is a wrong user or password and must not be retried.
    public static func parse(_ response: HTTPResponse) throws(LoginError) -> ServerLogin {
        if response.status == 401 || response.status == 403 { throw .rejected }
        guard response.isSuccess else { throw .httpStatus(response.status) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let d = object["d"] as? [String: Any], let sessionID = d["sessionId"] as? String, !sessionID.isEmpty
        else {
            throw .notASession(bytes: response.body.count)
        }
        let services = (d["services"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
        return ServerLogin(sessionID: sessionID, services: services)
    }

    /// The URL of `service` if the server offers it as a WebSocket (`ws://` or `wss://`).
    public func webSocketURL(for service: String) throws(LoginError) -> String {
        guard let url = services[service], url.hasPrefix("ws://") || url.hasPrefix("wss://") else {
            throw .missingService(service)
        }
        return url
    }
}
