import CLibXML2

/// Parses protocol XML into an ``XMLElement`` tree, with the hardening a network client needs.
///
/// - Documents larger than ``maximumDocumentSize`` are refused before libxml2 sees them.
/// - Any DOCTYPE is refused as soon as libxml2 reports it, before an internal subset is read:
///   SOAP and the CWA dialect never use one, and refusing it outright removes entity expansion
///   (billion laughs) and external entities (XXE) as a class instead of relying on options.
/// - No network access, no DTD loading, no entity substitution.
/// - Diagnostics are collected per parse and never reach stderr, which belongs to the TUI.
public struct XMLDocumentReader: Sendable {
    public static let defaultMaximumDocumentSize = 4 * 1024 * 1024
    public static let defaultMaximumDepth = 64

    public var maximumDocumentSize: Int
    public var maximumDepth: Int

    public init(
        maximumDocumentSize: Int = XMLDocumentReader.defaultMaximumDocumentSize,
        maximumDepth: Int = XMLDocumentReader.defaultMaximumDepth
    ) {
        self.maximumDocumentSize = maximumDocumentSize
        self.maximumDepth = maximumDepth
    }

    /// Parses `bytes` (UTF-8 unless the XML declaration says otherwise) and returns the root element.
    public func parse(_ bytes: some Collection<UInt8>) throws -> XMLElement {
        if let result = try bytes.withContiguousStorageIfAvailable({ try parse(buffer: $0) }) {
            return result
        }
        return try Array(bytes).withUnsafeBufferPointer { try parse(buffer: $0) }
    }

    /// Parses a document held in a string.
    public func parse(_ string: String) throws -> XMLElement {
        try parse(Array(string.utf8))
    }

    private func parse(buffer: UnsafeBufferPointer<UInt8>) throws -> XMLElement {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { throw XMLError.emptyDocument }
        guard buffer.count <= maximumDocumentSize, buffer.count <= Int(Int32.max) else {
            throw XMLError.documentTooLarge(size: buffer.count, limit: maximumDocumentSize)
        }
        LibXML.ensureInitialized()
        natter_xml_silence_generic_errors()

        guard let context = xmlNewParserCtxt() else {
            throw XMLError.malformed("libxml2 could not allocate a parser context", line: nil, column: nil)
        }
        defer { xmlFreeParserCtxt(context) }
        let diagnostics = ParseDiagnostics()
        context.pointee._private = Unmanaged.passUnretained(diagnostics).toOpaque()
        context.pointee.sax.pointee.serror = { _, error in
            guard let error, let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
                let owner = parser.pointee._private
            else { return }
            Unmanaged<ParseDiagnostics>.fromOpaque(owner).takeUnretainedValue().record(error.pointee)
        }
        context.pointee.sax.pointee.internalSubset = { userData, _, _, _ in
            guard let parser = userData?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            if let owner = parser.pointee._private {
                Unmanaged<ParseDiagnostics>.fromOpaque(owner).takeUnretainedValue().sawDoctype = true
            }
            // Halting here means the internal subset (where entities are declared) is never read.
            xmlStopParser(parser)
        }

        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue)
        let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            xmlCtxtReadMemory(context, chars, Int32(buffer.count), nil, nil, options)
        }
        defer { if let document { xmlFreeDoc(document) } }

        if diagnostics.sawDoctype { throw XMLError.doctypeForbidden }
        guard let document, context.pointee.wellFormed != 0 else { throw diagnostics.failure() }
        if context.pointee.nsWellFormed == 0 { throw diagnostics.failure() }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            throw XMLError.doctypeForbidden
        }
        guard let root = xmlDocGetRootElement(document) else { throw XMLError.emptyDocument }
        return try LibXMLTreeConverter(maximumDepth: maximumDepth).element(from: root, depth: 1)
    }
}

/// Collects what libxml2 reports during one parse; owned by the parsing thread only.
private final class ParseDiagnostics {
    var sawDoctype = false
    private var firstError: XMLError?
    private var firstWarning: XMLError?

    func record(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let trimmed = String(message.reversed().drop { $0.isWhitespace }.reversed())
        let line = error.line > 0 ? Int(error.line) : nil
        let column = error.int2 > 0 ? Int(error.int2) : nil
        let reported = XMLError.malformed(trimmed, line: line, column: column)
        if error.level.rawValue >= XML_ERR_ERROR.rawValue {
            if firstError == nil { firstError = reported }
        } else if firstWarning == nil {
            firstWarning = reported
        }
    }

    func failure() -> XMLError {
        firstError ?? firstWarning ?? .malformed("document is not well-formed", line: nil, column: nil)
    }
}

enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// `xmlInitParser` is not safe to race, and Swift's lazy statics run exactly once.
    static func ensureInitialized() {
        _ = initialized
    }
}
