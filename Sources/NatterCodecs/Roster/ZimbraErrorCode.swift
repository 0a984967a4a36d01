/// A Zimbra error code, as carried in `soap:Detail/Error/Code` of a fault.
///
/// Open like Zimbra's own list: any code read from the wire is kept; the constants are the ones natterd sends.
public struct ZimbraErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// No auth token in the context, or one natterd does not know.
    public static let authRequired = Self(rawValue: "service.AUTH_REQUIRED")
    /// The token was valid once; the client logs in again and keeps its session and notification place.
    public static let authExpired = Self(rawValue: "service.AUTH_EXPIRED")
    /// Wrong account or password in AuthRequest.
    public static let authFailed = Self(rawValue: "account.AUTH_FAILED")
    public static let permissionDenied = Self(rawValue: "service.PERM_DENIED")
    /// A known request with missing or invalid fields.
    public static let invalidRequest = Self(rawValue: "service.INVALID_REQUEST")
    /// A body element that names no request.
    public static let unknownDocument = Self(rawValue: "service.UNKNOWN_DOCUMENT")
    /// A body that is not XML, not a SOAP envelope, or too large or deep.
    public static let parseError = Self(rawValue: "service.PARSE_ERROR")
    /// natterd failed; the same request may succeed later.
    public static let failure = Self(rawValue: "service.FAILURE")
    public static let invalidAddress = Self(rawValue: "im.INVALID_ADDRESS")

    /// Whether the fault blames the sender (SOAP `Sender`) rather than the server (`Receiver`).
    public var isSenderFault: Bool { self != .failure }

    public var description: String { rawValue }
}
