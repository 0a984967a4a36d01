/// Why a document could not be read or written.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable {
        case malformed(message: String, line: Int?, column: Int?)
        case documentTooLarge(size: Int, limit: Int)
        case tooDeep(limit: Int)
        case doctypeForbidden
        case emptyDocument
        case invalidCharacter(scalar: UInt32, context: String)
        case invalidName(String)
        case namespaceConflict(prefix: String, existing: String, requested: String)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    /// libxml2 reported a well-formedness (or namespace) error.
    public static func malformed(_ message: String, line: Int?, column: Int?) -> XMLError {
        XMLError(.malformed(message: message, line: line, column: column))
    }

    static func documentTooLarge(size: Int, limit: Int) -> XMLError {
        XMLError(.documentTooLarge(size: size, limit: limit))
    }

    static func tooDeep(limit: Int) -> XMLError { XMLError(.tooDeep(limit: limit)) }
    static let doctypeForbidden = XMLError(.doctypeForbidden)
    static let emptyDocument = XMLError(.emptyDocument)

    static func invalidCharacter(_ scalar: Unicode.Scalar, context: String) -> XMLError {
        XMLError(.invalidCharacter(scalar: scalar.value, context: context))
    }

    static func invalidName(_ name: String) -> XMLError { XMLError(.invalidName(name)) }

    static func namespaceConflict(prefix: String, existing: String, requested: String) -> XMLError {
        XMLError(.namespaceConflict(prefix: prefix, existing: existing, requested: requested))
    }

    /// Whether the document was refused because it contained a DOCTYPE (DTD) declaration.
    public var isDoctypeRejection: Bool { base == .doctypeForbidden }

    /// Whether the document was refused before parsing because of its size.
    public var isSizeLimit: Bool {
        if case .documentTooLarge = base { return true }
        return false
    }

    /// Whether the document nests deeper than the reader allows.
    public var isDepthLimit: Bool {
        if case .tooDeep = base { return true }
        return false
    }

    /// The 1-based line libxml2 reported, for malformed documents.
    public var line: Int? {
        if case .malformed(_, let line, _) = base { return line }
        return nil
    }

    /// The 1-based column libxml2 reported, for malformed documents.
    public var column: Int? {
        if case .malformed(_, _, let column) = base { return column }
        return nil
    }

    public var description: String {
        switch base {
        case .malformed(let message, let line, let column):
            var location = ""
            if let line { location = " at line \(line)" + (column.map { ", column \($0)" } ?? "") }
            return "malformed XML\(location): \(message)"
        case .documentTooLarge(let size, let limit):
            return "XML document of \(size) bytes exceeds the limit of \(limit) bytes"
        case .tooDeep(let limit):
            return "XML document nests elements deeper than the limit of \(limit)"
        case .doctypeForbidden:
            return "XML document contains a DOCTYPE declaration, which protocol messages never need; refused"
        case .emptyDocument:
            return "XML document is empty"
        case .invalidCharacter(let scalar, let context):
            let hex = String(scalar, radix: 16, uppercase: true)
            return "character U+\(hex) is not allowed in XML 1.0 (in \(context))"
        case .invalidName(let name):
            return "\"\(name)\" is not a valid XML name"
        case .namespaceConflict(let prefix, let existing, let requested):
            return "prefix \"\(prefix)\" is declared as \(existing) on the same element, cannot also bind \(requested)"
        }
    }
}
