import Testing

@testable import NatterWire

@Suite struct SOAPEnvelopeTests {
    let m = XMLNamespace(SeedExamples.ewsMessages, prefix: "m")
    let t = XMLNamespace(SeedExamples.ewsTypes, prefix: "t")

    @Test func buildsSOAP11RequestForEWS() throws {
        let envelope = SOAPEnvelope(
            version: .soap11,
            headers: [t("RequestServerVersion", attributes: ["Version": "Exchange2012"])],
            body: m("AddImGroup") { m("DisplayName", text: "Friends & Family") },
            namespaceDeclarations: [
                XMLNamespaceDeclaration(prefix: "t", uri: t.uri), XMLNamespaceDeclaration(prefix: "m", uri: m.uri),
            ])
        let text = String(decoding: try envelope.serialized(), as: UTF8.self)
        #expect(
            text == """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:t="\(t.uri)" xmlns:m="\(m.uri)" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\
                <soap:Header><t:RequestServerVersion Version="Exchange2012"/></soap:Header>\
                <soap:Body><m:AddImGroup><m:DisplayName>Friends &amp; Family</m:DisplayName></m:AddImGroup></soap:Body>\
                </soap:Envelope>
                """)
        let headers = SOAPVersion.soap11.httpHeaders(action: "\(m.uri)/AddImGroup")
        #expect(headers.map(\.name) == ["Content-Type", "SOAPAction"])
        #expect(headers[0].value == "text/xml; charset=utf-8")
        #expect(headers[1].value == "\"\(m.uri)/AddImGroup\"")
    }

    @Test func buildsSOAP12RequestForZimbra() throws {
        let zimbra = XMLNamespace("urn:zimbra")
        let envelope = SOAPEnvelope(
            version: .soap12,
            headers: [zimbra("context") { zimbra("authToken", text: "tok") }],
            body: XMLElement("NoOpRequest", namespace: "urn:zimbraMail", attributes: ["wait": "1"]))
        let text = String(
            decoding: try envelope.serialized(writer: XMLWriter(includesDeclaration: false)), as: UTF8.self)
        #expect(
            text == """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>\
                <context xmlns="urn:zimbra"><authToken>tok</authToken></context></soap:Header><soap:Body>\
                <NoOpRequest xmlns="urn:zimbraMail" wait="1"/></soap:Body></soap:Envelope>
                """)
        #expect(SOAPVersion.soap12.httpHeaders(action: nil).map(\.value) == ["application/soap+xml; charset=utf-8"])
        #expect(
            SOAPVersion.soap12.httpHeaders(action: "urn:zimbraMail#NoOp").first?.value
                == "application/soap+xml; charset=utf-8; action=\"urn:zimbraMail#NoOp\"")
    }

    @Test func parsesSeedRequestsAndDetectsVersion() throws {
        let request = try SOAPEnvelope.parse(Array(SeedExamples.addImGroupRequest.utf8))
        #expect(request.version == .soap11)
        #expect(request.headers.map(\.name) == ["RequestServerVersion", "MailboxCulture", "TimeZoneContext"])
        #expect(request.header(named: "RequestServerVersion", namespace: t.uri)?.attribute("Version") == "Exchange2012")
        #expect(request.body.hasName("AddImGroup", namespace: m.uri))
        #expect(request.body.text(at: "DisplayName", namespace: m.uri) == "MyCustomGroup")

        let contact = try SOAPEnvelope.parse(Array(SeedExamples.addImContactToGroupRequest.utf8))
        #expect(contact.body.firstChild(named: "ContactId")?.attribute("ChangeKey") == "EQAAABYAAABtF8oI7i")
        #expect(contact.body.firstChild(named: "GroupId")?.attribute("Id") == "AAMkAGQ1MjJjMTBkzAAAQKAAA=")
    }

    @Test func parsesSeedResponseWithDefaultNamespaces() throws {
        let response = try SOAPEnvelope.parse(Array(SeedExamples.addImGroupResponse.utf8))
        #expect(response.version == .soap11)
        #expect(response.header(named: "ServerVersionInfo", namespace: t.uri)?.attribute("MajorBuildNumber") == "349")
        #expect(response.body.hasName("AddImGroupResponse", namespace: m.uri))
        #expect(response.body.attribute("ResponseClass") == "Success")
        #expect(response.body.text(at: "ResponseCode", namespace: m.uri) == "NoError")
        let group = try #require(response.body.firstChild(named: "ImGroup", namespace: m.uri))
        #expect(group.firstChild(named: "DisplayName", namespace: t.uri)?.text == "MyCustomGroup")
        #expect(group.firstChild(named: "ExchangeStoreId", namespace: t.uri)?.attribute("ChangeKey") == "EgAAAA==")
    }

    @Test func parsesZimbraNotifyHeader() throws {
        let response = try SOAPEnvelope.parse(Array(SeedExamples.zimbraNoOpResponseWithNotify.utf8))
        #expect(response.version == .soap12)
        #expect(response.body.hasName("NoOpResponse", namespace: "urn:zimbraMail"))
        let context = try #require(response.header(named: "context", namespace: "urn:zimbra"))
        let notify = try #require(context.firstChild(named: "notify", namespace: "urn:zimbra"))
        #expect(notify.attribute("seq") == "7")
        let events = notify.element(at: "im")?.children(named: "n") ?? []
        #expect(events.map { $0.attribute("type") } == ["presence", "message"])
        #expect(events.last?.text(at: "body") == "hi & bye")
    }

    @Test func roundTripsAParsedEnvelope() throws {
        let parsed = try SOAPEnvelope.parse(Array(SeedExamples.addImGroupRequest.utf8))
        let reparsed = try SOAPEnvelope.parse(try parsed.serialized())
        #expect(reparsed == parsed)
    }

    @Test func rejectsDocumentsThatAreNotEnvelopes() throws {
        let notEnvelope = try #require(throws: SOAPError.self) { try SOAPEnvelope.parse(Array("<Envelope/>".utf8)) }
        #expect(notEnvelope.description.contains("Envelope"))
        let wrongNamespace = #"<e:Envelope xmlns:e="urn:not-soap"><e:Body><x/></e:Body></e:Envelope>"#
        #expect(throws: SOAPError.self) { try SOAPEnvelope.parse(Array(wrongNamespace.utf8)) }
        let noBody = #"<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"/>"#
        #expect(throws: SOAPError.self) { try SOAPEnvelope.parse(Array(noBody.utf8)) }
        let emptyBody = #"<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>"#
        let error = try #require(throws: SOAPError.self) { try SOAPEnvelope.parse(Array(emptyBody.utf8)) }
        #expect(error.description.contains("0 elements"))
        #expect(throws: XMLError.self) { try SOAPEnvelope.parse(Array("<broken".utf8)) }
    }
}
