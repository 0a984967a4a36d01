import Testing

@testable import NatterWire

@Suite struct XMLWriterTests {
    private func xml(_ element: XMLElement, declaration: Bool = false) throws -> String {
        try XMLWriter(includesDeclaration: declaration).string(element)
    }

    @Test func writesBuilderContentWithControlFlow() throws {
        let names = ["a", "b"]
        let typing = true
        let quiet = false
        let element = XMLElement("message", attributes: ["thread": "t1", "addr": "bob@natter.test"]) {
            XMLElement("body", text: "hi")
            if typing { XMLElement("typing") }
            if quiet { XMLElement("quiet") } else { XMLElement("loud") }
            for name in names { XMLElement("p", attributes: ["n": name]) }
            Optional<XMLElement>.none
            "tail"
        }
        #expect(
            try xml(element)
                == #"<message thread="t1" addr="bob@natter.test"><body>hi</body><typing/><loud/><p n="a"/><p n="b"/>tail</message>"#
        )
    }

    @Test func writesDeclarationWhenAsked() throws {
        #expect(try xml(XMLElement("a"), declaration: true) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a/>")
    }

    @Test func escapesTextAndAttributes() throws {
        let element = XMLElement("a", attributes: ["q": "\"<&>'\t\n\r"]) { "<b> & ]]> \"quoted\"\r\n" }
        #expect(
            try xml(element)
                == "<a q=\"&quot;&lt;&amp;&gt;'&#x9;&#xA;&#xD;\">&lt;b&gt; &amp; ]]&gt; \"quoted\"&#xD;\n</a>")
    }

    @Test func escapedValuesRoundTripThroughTheReader() throws {
        let tricky = "a\"b<c>&d\te\nf\rg 😀 ]]>"
        let element = XMLElement("a", attributes: ["v": tricky]) { tricky }
        let parsed = try XMLDocumentReader().parse(try element.serialized())
        #expect(parsed.attribute("v") == tricky)
        #expect(parsed.text == tricky)
    }

    @Test func rejectsOrReplacesCharactersXMLCannotCarry() throws {
        let element = XMLElement("a", text: "bell\u{7}")
        let error = try #require(throws: XMLError.self) { try element.serialized() }
        #expect(error.description.contains("U+7"))
        let replaced = try XMLWriter(includesDeclaration: false, invalidCharacters: .replace).string(element)
        #expect(replaced == "<a>bell\u{FFFD}</a>")
        #expect(throws: XMLError.self) { try XMLElement("a", attributes: ["x": "\u{FFFE}"]).serialized() }
    }

    @Test func rejectsInvalidNames() {
        #expect(throws: XMLError.self) { try XMLElement("bad name").serialized() }
        #expect(throws: XMLError.self) { try XMLElement("a", attributes: ["x=\"y": "1"]).serialized() }
        #expect(throws: XMLError.self) { try XMLElement("1a").serialized() }
    }

    @Test func declaresNamespacesOnlyWhereNeeded() throws {
        let m = XMLNamespace("urn:m", prefix: "m")
        let t = XMLNamespace("urn:t", prefix: "t")
        let element = m("Outer") {
            m("Inner") { t("Leaf", text: "x") }
            t("Other")
        }
        #expect(
            try xml(element)
                == #"<m:Outer xmlns:m="urn:m"><m:Inner><t:Leaf xmlns:t="urn:t">x</t:Leaf></m:Inner><t:Other xmlns:t="urn:t"/></m:Outer>"#
        )
        let hoisted = element.declaringNamespace("urn:t", prefix: "t")
        #expect(
            try xml(hoisted)
                == #"<m:Outer xmlns:t="urn:t" xmlns:m="urn:m"><m:Inner><t:Leaf>x</t:Leaf></m:Inner><t:Other/></m:Outer>"#
        )
    }

    @Test func undeclaresDefaultNamespaceForUnqualifiedChildren() throws {
        let zimbra = XMLNamespace("urn:zimbra")
        let element = zimbra("context") {
            zimbra("authToken", text: "abc")
            XMLElement("plain")
        }
        #expect(
            try xml(element) == #"<context xmlns="urn:zimbra"><authToken>abc</authToken><plain xmlns=""/></context>"#)
    }

    @Test func givesNamespacedAttributesAPrefix() throws {
        let element = XMLElement("a", namespace: "urn:a")
            .addingAttribute("type", namespace: XMLNamespace.xsi.uri, prefix: "xsi", value: "t:Foo")
            .addingAttribute("unprefixed", namespace: "urn:other", value: "1")
            .addingAttribute("lang", namespace: XMLNamespace.xml.uri, value: "en")
        #expect(
            try xml(element)
                == #"<a xmlns="urn:a" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns1="urn:other" xsi:type="t:Foo" ns1:unprefixed="1" xml:lang="en"/>"#
        )
        let parsed = try XMLDocumentReader().parse(try element.serialized())
        #expect(parsed.attribute("type", namespace: XMLNamespace.xsi.uri) == "t:Foo")
        #expect(parsed.attribute("unprefixed", namespace: "urn:other") == "1")
        #expect(parsed.attribute("lang", namespace: XMLNamespace.xml.uri) == "en")
    }

    @Test func rebindsAPrefixUsedForAnotherNamespace() throws {
        let inner = XMLElement("b", namespace: "urn:two", prefix: "p")
        let outer = XMLElement("a", namespace: "urn:one", prefix: "p") { inner }
        let text = try xml(outer)
        #expect(text == #"<p:a xmlns:p="urn:one"><p:b xmlns:p="urn:two"/></p:a>"#)
        let parsed = try XMLDocumentReader().parse(Array(text.utf8))
        #expect(parsed.elements.first?.namespace == "urn:two")
    }

    @Test func rejectsConflictingDeclarationsOnOneElement() throws {
        let element = XMLElement("a", namespace: "urn:one", prefix: "p").declaringNamespace("urn:two", prefix: "p")
        // The explicit declaration wins the prefix, so the element itself must fall back to another.
        let text = try xml(element)
        let parsed = try XMLDocumentReader().parse(Array(text.utf8))
        #expect(parsed.namespace == "urn:one")
        let clash = XMLElement("a").declaringNamespace("urn:one", prefix: "p").declaringNamespace(
            "urn:two", prefix: "p")
        #expect(throws: XMLError.self) { try clash.serialized() }
    }

    @Test func parsedTreesRoundTrip() throws {
        let source =
            #"<s:Envelope xmlns:s="urn:s" xmlns:t="urn:t"><s:Body xmlns="urn:d"><t:Item t:id="1" plain="x">"#
            + #"text &amp; more<t:Child/></t:Item><Unqualified xmlns="">u</Unqualified><Default/></s:Body></s:Envelope>"#
        let reader = XMLDocumentReader()
        let first = try reader.parse(source)
        let written = try first.serialized()
        let second = try reader.parse(written)
        #expect(first == second)
        #expect(try second.serialized() == written)
        #expect(String(decoding: written, as: UTF8.self) == source)
    }
}
