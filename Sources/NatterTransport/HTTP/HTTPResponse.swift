/// A complete HTTP response. Non-2xx statuses are responses, not errors: SOAP faults arrive with
/// status 500 and must still be parsed.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded as UTF-8, with invalid sequences replaced.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
