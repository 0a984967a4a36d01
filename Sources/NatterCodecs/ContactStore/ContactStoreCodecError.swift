import NatterWire

/// Why a ContactStore body could not be encoded or decoded.
///
/// A server answers ``answersWithFault`` errors with a SOAP fault carrying ``responseCode`` (as Exchange does for
/// schema violations); a malformed id is answered with an ordinary error response message of the operation.
public struct ContactStoreCodecError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case unknownOperation(name: String, namespace: String?)
        case missingElement(path: String)
        case invalidValue(path: String, value: String)
        case malformedId(path: String, id: String)
        case unexpectedPayload(payload: String)
        case unexpectedResponse(expected: String, found: String)
        case unsupportedSOAPVersion(String)
    }

    private let kind: Kind
    /// The operation whose body was being read or written, when it was known.
    public private(set) var operation: ContactStoreOperation?

    private init(_ kind: Kind, operation: ContactStoreOperation? = nil) {
        self.kind = kind
        self.operation = operation
    }

    static func unknownOperation(_ element: XMLElement) -> Self {
        .init(.unknownOperation(name: element.name, namespace: element.namespace))
    }

    static func missingElement(_ path: String) -> Self { .init(.missingElement(path: path)) }
    static func invalidValue(_ path: String, value: String) -> Self { .init(.invalidValue(path: path, value: value)) }
    static func malformedId(_ path: String, id: String) -> Self { .init(.malformedId(path: path, id: id)) }

    static func unexpectedPayload(_ payload: String, operation: ContactStoreOperation) -> Self {
        .init(.unexpectedPayload(payload: payload), operation: operation)
    }

    static func unexpectedResponse(expected: ContactStoreOperation, found: String) -> Self {
        .init(.unexpectedResponse(expected: expected.responseElementName, found: found), operation: expected)
    }

    static func unsupportedSOAPVersion(_ version: SOAPVersion) -> Self {
        .init(.unsupportedSOAPVersion(version.description))
    }

    /// The same error, attributed to `operation` unless it already names one.
    func within(_ operation: ContactStoreOperation) -> Self {
        var copy = self
        if copy.operation == nil { copy.operation = operation }
        return copy
    }

    /// Whether the body's element named no ContactStore operation.
    public var isUnknownOperation: Bool {
        if case .unknownOperation = kind { return true }
        return false
    }

    /// Whether the failure is an item id that is not an EWS id at all.
    public var isMalformedId: Bool {
        if case .malformedId = kind { return true }
        return false
    }

    /// The element path (for example `AddImGroup/DisplayName`) the error is about, when there is one.
    public var path: String? {
        switch kind {
        case .missingElement(let path), .invalidValue(let path, _), .malformedId(let path, _): path
        default: nil
        }
    }

    /// Whether a server answers this with a SOAP fault rather than an error response message.
    public var answersWithFault: Bool { !isMalformedId }

    /// The EWS response code a server reports for this error.
    public var responseCode: EWSResponseCode {
        switch kind {
        case .unknownOperation, .unsupportedSOAPVersion: .errorInvalidRequest
        case .malformedId: .errorInvalidIdMalformed
        case .missingElement, .invalidValue, .unexpectedPayload, .unexpectedResponse: .errorSchemaValidation
        }
    }

    public var description: String {
        let prefix = operation.map { "\($0.rawValue): " } ?? ""
        switch kind {
        case .unknownOperation(let name, let namespace):
            let qualified = namespace.map { "{\($0)}\(name)" } ?? name
            return "\(prefix)\(qualified) is not a ContactStore operation"
        case .missingElement(let path):
            return "\(prefix)missing required element \(path)"
        case .invalidValue(let path, let value):
            return "\(prefix)invalid value \"\(value)\" for \(path)"
        case .malformedId(let path, let id):
            return "\(prefix)\(path) is not a well-formed item id: \"\(id)\""
        case .unexpectedPayload(let payload):
            return "\(prefix)a \(payload) payload does not belong in this operation's response"
        case .unexpectedResponse(let expected, let found):
            return "\(prefix)expected \(expected), found \(found)"
        case .unsupportedSOAPVersion(let version):
            return "EWS is spoken over SOAP 1.1, not \(version)"
        }
    }
}
