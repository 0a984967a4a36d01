import Testing

@testable import NatterWire

@Suite struct SOAPFaultTests {
    @Test func parsesZimbraSOAP12FaultWithDetail() throws {
        let fault = try #require(throws: SOAPFault.self) {
            try SOAPEnvelope.parse(Array(SeedExamples.zimbraFault.utf8))
        }
        #expect(fault.version == .soap12)
        #expect(fault.code == .sender)
        #expect(fault.reason == "no valid authtoken present")
        #expect(fault.detailCode == "service.AUTH_REQUIRED")
        let error = try #require(fault.detail?.firstChild(named: "Error", namespace: "urn:zimbra"))
        #expect(error.text(at: "Trace") == "qtp1-17:1200000000000:abc")
        #expect(fault.headers.first?.hasName("context", namespace: "urn:zimbra") == true)
        #expect(fault.description.contains("service.AUTH_REQUIRED"))
    }

    @Test func parsesEWSSOAP11FaultWithQualifiedCode() throws {
        let fault = try #require(throws: SOAPFault.self) {
            try SOAPEnvelope.parse(Array(SeedExamples.ewsFault.utf8))
        }
        #expect(fault.version == .soap11)
        #expect(fault.code == .other(namespace: SeedExamples.ewsTypes, name: "ErrorSchemaValidation"))
        #expect(fault.reason == "The request failed schema validation.")
        #expect(fault.detailCode == "ErrorSchemaValidation")
    }

    @Test func mapsSOAP11ClientAndServerCodes() throws {
        func fault(_ code: String) throws -> SOAPFault {
            let document = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>\
                <faultcode>\(code)</faultcode><faultstring>why</faultstring><faultactor>urn:a</faultactor>\
                </s:Fault></s:Body></s:Envelope>
                """
            return try #require(throws: SOAPFault.self) { try SOAPEnvelope.parse(Array(document.utf8)) }
        }
        #expect(try fault("s:Client").code == .sender)
        #expect(try fault("s:Server").code == .receiver)
        #expect(try fault("s:Client.Authentication").code == .sender)
        #expect(try fault("s:MustUnderstand").code == .mustUnderstand)
        #expect(try fault("s:Server").actor == "urn:a")
    }

    @Test func parsesSOAP12SubcodesAndPrefersEnglishReason() throws {
        let document = """
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:z="urn:zimbra"><env:Body>\
            <env:Fault><env:Code><env:Value>env:Receiver</env:Value><env:Subcode><env:Value>z:busy</env:Value>\
            <env:Subcode><env:Value>z:later</env:Value></env:Subcode></env:Subcode></env:Code>\
            <env:Reason><env:Text xml:lang="de">besetzt</env:Text><env:Text xml:lang="en-GB">busy</env:Text></env:Reason>\
            <env:Node>urn:node</env:Node></env:Fault></env:Body></env:Envelope>
            """
        let fault = try #require(throws: SOAPFault.self) { try SOAPEnvelope.parse(Array(document.utf8)) }
        #expect(fault.code == .receiver)
        #expect(fault.subcodes == ["z:busy", "z:later"])
        #expect(fault.reason == "busy")
        #expect(fault.actor == "urn:node")
        #expect(fault.detail == nil)
    }

    @Test(arguments: SOAPVersion.allCases)
    func faultsWrittenByTheServerParseBack(version: SOAPVersion) throws {
        let detail = XMLElement("Detail") {
            XMLElement("Error", namespace: "urn:zimbra") {
                XMLElement("Code", namespace: "urn:zimbra", text: "mail.NO_SUCH")
            }
        }
        let original = SOAPFault(
            version: version, code: .sender, subcodes: version == .soap12 ? ["soap:Sub"] : [],
            reason: "no such <thing>", actor: "urn:natterd", detail: detail)
        let bytes = try SOAPEnvelope(fault: original).serialized()
        let parsed = try #require(throws: SOAPFault.self) { try SOAPEnvelope.parse(bytes) }
        #expect(parsed.version == version)
        #expect(parsed.code == .sender)
        #expect(parsed.subcodes == original.subcodes)
        #expect(parsed.reason == "no such <thing>")
        #expect(parsed.actor == "urn:natterd")
        #expect(parsed.detailCode == "mail.NO_SUCH")
    }

    @Test func writesCustomCodeWithItsOwnNamespace() throws {
        let fault = SOAPFault(
            version: .soap11, code: .other(namespace: SeedExamples.ewsTypes, name: "ErrorAccessDenied"), reason: "no")
        let parsed = try #require(throws: SOAPFault.self) {
            try SOAPEnvelope.parse(try SOAPEnvelope(fault: fault).serialized())
        }
        #expect(parsed.code == fault.code)
    }
}
