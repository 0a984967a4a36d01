import NatterWire

/// Why a CWA document could not be read (or a value could not be written).
///
/// CWA answers every failure inside the protocol: a server turns this into ``errorResponses()``, a
/// `<cwaResponses>` holding one `<error>` with the offending request's `rid` (when it was read) and a reason,
/// never a dropped connection.
public struct CWACodecError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case malformedXML(String)
        case documentTooLarge
        case unexpectedRoot(found: String, expected: String)
        case unknownElement(path: String, name: String)
        case missingElement(path: String)
        case missingAttribute(path: String)
        case invalidValue(path: String, value: String)
        case noRequests
    }

    private let kind: Kind
    /// The `rid` of the request being read, when it was known.
    public private(set) var rid: String?

    private init(_ kind: Kind, rid: String? = nil) {
        self.kind = kind
        self.rid = rid
    }

    static func xml(_ error: any Error) -> Self {
        if let xmlError = error as? XMLError, xmlError.isSizeLimit { return .init(.documentTooLarge) }
        return .init(.malformedXML(String(describing: error)))
    }

    static func unexpectedRoot(_ element: XMLElement, expected: String) -> Self {
        .init(.unexpectedRoot(found: element.name, expected: expected))
    }

    static func unknownElement(_ element: XMLElement, path: String) -> Self {
        .init(.unknownElement(path: path, name: element.name))
    }

    static func missingElement(_ path: String) -> Self { .init(.missingElement(path: path)) }
    static func missingAttribute(_ path: String) -> Self { .init(.missingAttribute(path: path)) }
    static func invalidValue(_ path: String, value: String) -> Self { .init(.invalidValue(path: path, value: value)) }
    static let noRequests = Self(.noRequests)

    /// The same error, attributed to the request `rid` unless it already names one.
    func within(rid: String?) -> Self {
        var copy = self
        if copy.rid == nil { copy.rid = rid }
        return copy
    }

    public var isMalformedXML: Bool {
        if case .malformedXML = kind { return true }
        return false
    }

    public var isDocumentTooLarge: Bool { kind == .documentTooLarge }

    /// Whether an element name was not one the protocol knows (a request, event or response).
    public var isUnknownElement: Bool {
        if case .unknownElement = kind { return true }
        return false
    }

    /// The element or attribute path (for example `cwaRequests/conference/@confId`), when there is one.
    public var path: String? {
        switch kind {
        case .unknownElement(let path, _), .missingElement(let path), .missingAttribute(let path),
            .invalidValue(let path, _):
            path
        default: nil
        }
    }

    /// The `code` attribute a server puts on its `<error>`.
    public var code: String {
        switch kind {
        case .malformedXML: "malformedRequest"
        case .documentTooLarge: "requestTooLarge"
        case .unexpectedRoot, .unknownElement, .noRequests: "unknownRequest"
        case .missingElement, .missingAttribute, .invalidValue: "invalidRequest"
        }
    }

    public var description: String {
        switch kind {
        case .malformedXML(let detail): "malformed XML: \(detail)"
        case .documentTooLarge: "the document is too large"
        case .unexpectedRoot(let found, let expected): "expected <\(expected)>, found <\(found)>"
        case .unknownElement(let path, let name): "<\(name)> is not known in \(path)"
        case .missingElement(let path): "missing required element \(path)"
        case .missingAttribute(let path): "missing required attribute \(path)"
        case .invalidValue(let path, let value): "invalid value \"\(value)\" for \(path)"
        case .noRequests: "<cwaRequests> holds no request"
        }
    }

    /// The answer a server sends for a request it could not read.
    public func errorResponses() -> CWAResponses {
        CWAResponses(responses: [.error(CWAError(rid: rid, code: code, reason: description))])
    }
}
