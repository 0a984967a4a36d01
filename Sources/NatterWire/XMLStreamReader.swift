import CLibXML2
import Glibc

/// What `XMLStreamReader` hands its handler: libxml2's SAX2 events, with names and text as borrowed bytes (valid
/// only during the call), so a decoder can compare names without making strings and build only what it keeps.
public protocol XMLStreamHandler: AnyObject {
    /// An element starts; return false to stop the parse (the document is outside what the handler reads).
    func start(_ element: XMLStreamElement) -> Bool
    func end() -> Bool
    /// Character data of the current element, possibly in several pieces.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// One start tag as libxml2 reported it.
public struct XMLStreamElement {
    public let localName: UnsafePointer<UInt8>
    public let namespace: UnsafePointer<UInt8>?
    let attributeCount: Int
    let attributeTable: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    public func isNamed(_ name: StaticString, in uri: StaticString) -> Bool {
        guard let namespace else { return false }
        return Self.equal(localName, name) && Self.equal(namespace, uri)
    }

    /// The attribute `name` (no namespace) as a string, if present.
    public func attribute(_ name: StaticString) -> String? {
        guard let table = attributeTable else { return nil }
        for index in 0..<attributeCount {
            let base = index * 5
            guard let local = table[base], table[base + 2] == nil, Self.equal(local, name),
                let start = table[base + 3], let end = table[base + 4]
            else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }

    public static func equal(_ bytes: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        memcmp(bytes, name.utf8Start, name.utf8CodeUnitCount + 1) == 0
    }
}

/// Streams a document to an `XMLStreamHandler` with libxml2's SAX2 parser, building no tree, under the same
/// hardening as `XMLDocumentReader`: a size cap before libxml2 sees the bytes, any DOCTYPE refused as soon as it is
/// reported (so no entity is ever declared or expanded), no network, diagnostics kept off stderr.
public struct XMLStreamReader: Sendable {
    public var maximumDocumentSize: Int

    public init(maximumDocumentSize: Int = XMLDocumentReader.defaultMaximumDocumentSize) {
        self.maximumDocumentSize = maximumDocumentSize
    }

    /// Whether the whole document was read, well-formed, with no DOCTYPE, and the handler never stopped it.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, into handler: some XMLStreamHandler) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count <= maximumDocumentSize,
            bytes.count <= Int(Int32.max)
        else { return false }
        LibXML.ensureInitialized()
        natter_xml_silence_generic_errors()
        guard let context = xmlNewParserCtxt() else { return false }
        defer { xmlFreeParserCtxt(context) }
        let box = StreamBox(handler)
        context.pointee._private = Unmanaged.passUnretained(box).toOpaque()
        let sax = context.pointee.sax!
        sax.pointee.startDocument = nil
        sax.pointee.endDocument = nil
        sax.pointee.serror = { _, _ in }
        sax.pointee.internalSubset = { userData, _, _, _ in
            guard let parser = userData?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            StreamBox.of(parser)?.failed = true
            xmlStopParser(parser)
        }
        sax.pointee.startElementNs = { userData, localName, _, uri, _, _, count, _, attributes in
            guard let parser = userData?.assumingMemoryBound(to: xmlParserCtxt.self), let box = StreamBox.of(parser),
                let localName
            else { return }
            let element = XMLStreamElement(
                localName: localName, namespace: uri, attributeCount: Int(count),
                attributeTable: attributes?.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: Int(count) * 5)
                { $0 })
            if !box.handler.start(element) {
                box.failed = true
                xmlStopParser(parser)
            }
        }
        sax.pointee.endElementNs = { userData, _, _, _ in
            guard let parser = userData?.assumingMemoryBound(to: xmlParserCtxt.self), let box = StreamBox.of(parser)
            else { return }
            if !box.handler.end() {
                box.failed = true
                xmlStopParser(parser)
            }
        }
        let characters: charactersSAXFunc = { userData, bytes, length in
            guard let parser = userData?.assumingMemoryBound(to: xmlParserCtxt.self), let box = StreamBox.of(parser),
                let bytes
            else { return }
            box.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.pointee.characters = characters
        sax.pointee.cdataBlock = characters
        sax.pointee.ignorableWhitespace = characters

        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue)
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            xmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, nil, options)
        }
        if let document { xmlFreeDoc(document) }
        return !box.failed && context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
    }
}

/// The handler behind the parser context's `_private` pointer, for the C callbacks, which cannot capture.
private final class StreamBox {
    let handler: any XMLStreamHandler
    var failed = false

    init(_ handler: any XMLStreamHandler) { self.handler = handler }

    static func of(_ parser: UnsafeMutablePointer<xmlParserCtxt>) -> StreamBox? {
        parser.pointee._private.map { Unmanaged<StreamBox>.fromOpaque($0).takeUnretainedValue() }
    }
}
