import NatterWire

/// Why a Zimbra IM body or header could not be encoded or decoded.
///
/// natterd answers every one with a SOAP 1.2 fault (``zimbraFault``): an unknown request with
/// `service.UNKNOWN_DOCUMENT`, anything else with `service.INVALID_REQUEST`, as Zimbra does.
public struct RosterCodecError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case unknownRequest(name: String, namespace: String?)
        case missingField(path: String)
        case invalidValue(path: String, value: String)
        case unexpectedResponse(expected: String, found: String)
    }

    private let kind: Kind
    /// The request whose body was being read or written, when it was known.
    public private(set) var request: RosterRequestKind?

    private init(_ kind: Kind, request: RosterRequestKind? = nil) {
        self.kind = kind
        self.request = request
    }

    static func unknownRequest(_ element: XMLElement) -> Self {
        .init(.unknownRequest(name: element.name, namespace: element.namespace))
    }

    static func missingField(_ path: String) -> Self { .init(.missingField(path: path)) }
    static func invalidValue(_ path: String, value: String) -> Self { .init(.invalidValue(path: path, value: value)) }

    static func unexpectedResponse(expected: RosterRequestKind?, found: XMLElement) -> Self {
        let qualified = found.namespace.map { "{\($0)}\(found.name)" } ?? found.name
        return .init(
            .unexpectedResponse(expected: expected?.responseElementName ?? "a Zimbra IM response", found: qualified),
            request: expected)
    }

    /// The same error, attributed to `request` unless it already names one.
    func within(_ request: RosterRequestKind) -> Self {
        var copy = self
        if copy.request == nil { copy.request = request }
        return copy
    }

    public var isUnknownRequest: Bool {
        if case .unknownRequest = kind { return true }
        return false
    }

    /// The field (for example `IMSubscribeRequest@addr`) the error is about, when there is one.
    public var path: String? {
        switch kind {
        case .missingField(let path), .invalidValue(let path, _): path
        default: nil
        }
    }

    /// The Zimbra code natterd answers with.
    public var code: ZimbraErrorCode {
        isUnknownRequest ? .unknownDocument : .invalidRequest
    }

    /// The fault natterd answers with.
    public var zimbraFault: ZimbraFault {
        ZimbraFault(code: code, reason: description)
    }

    public var description: String {
        let prefix = request.map { "\($0.rawValue): " } ?? ""
        switch kind {
        case .unknownRequest(let name, let namespace):
            let qualified = namespace.map { "{\($0)}\(name)" } ?? name
            return "\(prefix)\(qualified) is not a Zimbra IM request"
        case .missingField(let path):
            return "\(prefix)missing required \(path)"
        case .invalidValue(let path, let value):
            return "\(prefix)invalid value \"\(value)\" for \(path)"
        case .unexpectedResponse(let expected, let found):
            return "\(prefix)expected \(expected), found \(found)"
        }
    }
}
