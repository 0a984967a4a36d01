import Foundation
import Testing

@testable import NatterWire

@Suite struct XMLDocumentReaderTests {
    let reader = XMLDocumentReader()

    @Test func parsesElementsAttributesAndText() throws {
        let root = try reader.parse(#"<a x="1" y="two &amp; three"><b>hello</b><b>world</b><c/></a>"#)
        #expect(root.name == "a")
        #expect(root.namespace == nil)
        #expect(root.attribute("x") == "1")
        #expect(root.attribute("y") == "two & three")
        #expect(root.children(named: "b").map(\.text) == ["hello", "world"])
        #expect(root.firstChild(named: "c")?.children.isEmpty == true)
        #expect(root.attribute("missing") == nil)
    }

    @Test func resolvesNamespacesAndKeepsPrefixes() throws {
        let root = try reader.parse(
            """
            <s:Envelope xmlns:s="urn:s" xmlns="urn:default" xmlns:x="urn:x">
              <Inner x:attr="v" plain="p"><x:Leaf>1</x:Leaf><Other xmlns="">2</Other></Inner>
            </s:Envelope>
            """)
        #expect(root.name == "Envelope")
        #expect(root.namespace == "urn:s")
        #expect(root.prefix == "s")
        #expect(root.namespaceDeclarations.count == 3)
        let inner = try #require(root.firstChild(named: "Inner", namespace: "urn:default"))
        #expect(inner.prefix == nil)
        #expect(inner.attribute("attr", namespace: "urn:x") == "v")
        #expect(inner.attribute("attr") == nil)
        #expect(inner.attribute("plain") == "p")
        #expect(inner.firstChild(named: "Leaf", namespace: "urn:x")?.text == "1")
        #expect(inner.firstChild(named: "Leaf", namespace: "urn:default") == nil)
        let other = try #require(inner.firstChild(named: "Other"))
        #expect(other.namespace == nil)
        #expect(root.text(at: "Inner", "Leaf") == "1")
        #expect(root.firstDescendant(named: "Other")?.text == "2")
    }

    @Test func dropsIndentationButKeepsLeafWhitespace() throws {
        let root = try reader.parse("<a>\n  <b>  spaced  </b>\n  <c> </c>\n</a>")
        #expect(root.children.count == 2)
        #expect(root.firstChild(named: "b")?.text == "  spaced  ")
        #expect(root.firstChild(named: "c")?.text == " ")
    }

    @Test func mergesCDATAAndCharacterReferences() throws {
        let root = try reader.parse("<a>x<![CDATA[<not markup> & ]]>&#x263A;&lt;</a>")
        #expect(root.text == "x<not markup> & ☺<")
        #expect(root.children.count == 1)
    }

    @Test func reportsMalformedDocumentWithLineAndColumn() throws {
        let error = try #require(throws: XMLError.self) {
            try reader.parse("<a>\n<b>text</c>\n</a>")
        }
        #expect(error.line == 2)
        #expect(error.column != nil)
        #expect(error.description.contains("line 2"))
        #expect(error.description.lowercased().contains("mismatch"))
    }

    @Test func rejectsUndeclaredEntityAndPrefix() throws {
        #expect(throws: XMLError.self) { try reader.parse("<a>&custom;</a>") }
        let error = try #require(throws: XMLError.self) { try reader.parse("<p:a/>") }
        #expect(error.description.contains("p"))
    }

    @Test func rejectsEmptyAndTruncatedDocuments() {
        #expect(throws: XMLError.self) { try reader.parse([UInt8]()) }
        #expect(throws: XMLError.self) { try reader.parse("<a><b>") }
        #expect(throws: XMLError.self) { try reader.parse("   ") }
    }

    @Test func rejectsBillionLaughsWithoutExpanding() throws {
        var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        document += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            document += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">\n"
        }
        document += "]>\n<lolz>&lol9;</lolz>"
        let error = try #require(throws: XMLError.self) { try reader.parse(document) }
        #expect(error.isDoctypeRejection)
    }

    @Test func rejectsExternalEntityWithoutReadingTheFile() throws {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <foo>&xxe;</foo>
            """
        let error = try #require(throws: XMLError.self) { try reader.parse(document) }
        #expect(error.isDoctypeRejection)
        #expect(!error.description.contains("root:"))
    }

    @Test func rejectsDoctypeEvenWithoutInternalSubset() throws {
        let error = try #require(throws: XMLError.self) {
            try reader.parse(#"<!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a/>"#)
        }
        #expect(error.isDoctypeRejection)
    }

    @Test func enforcesSizeLimitBeforeParsing() throws {
        let small = XMLDocumentReader(maximumDocumentSize: 32)
        let document = "<a>" + String(repeating: "x", count: 64) + "</a>"
        let error = try #require(throws: XMLError.self) { try small.parse(document) }
        #expect(error.isSizeLimit)
        #expect(error.description.contains("32"))
        #expect(try small.parse("<a>fits</a>").text == "fits")
    }

    @Test func enforcesDepthLimit() throws {
        let shallow = XMLDocumentReader(maximumDepth: 3)
        #expect(try shallow.parse("<a><b><c/></b></a>").name == "a")
        let error = try #require(throws: XMLError.self) { try shallow.parse("<a><b><c><d/></c></b></a>") }
        #expect(error.isDepthLimit)
    }

    @Test func parsesDataAndByteSlices() throws {
        #expect(try reader.parse(Data("<a>d</a>".utf8)).text == "d")
        let bytes = Array("xx<b>s</b>".utf8)
        #expect(try reader.parse(bytes[2...]).name == "b")
    }

    @Test func honoursDeclaredEncoding() throws {
        let latin1: [UInt8] =
            Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try reader.parse(latin1).text == "café")
    }

    @Test func parsesConcurrently() async throws {
        try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask { try XMLDocumentReader().parse("<n i=\"\(index)\"/>").attribute("i") ?? "" }
            }
            var seen = Set<String>()
            for try await value in group { seen.insert(value) }
            #expect(seen.count == 16)
        }
    }
}
