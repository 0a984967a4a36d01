import Foundation
import NatterTestSupport
import Testing

@testable import NatterWire

/// Requests we build, and responses in the seed, must validate against the real EWS schema
/// (DESIGN.md: messages.xsd is normative for the ContactStore). Validation is done by xmllint,
/// independent of our own reader.
@Suite struct EWSSchemaValidationTests {
    let m = XMLNamespace(SeedExamples.ewsMessages, prefix: "m")
    let t = XMLNamespace(SeedExamples.ewsTypes, prefix: "t")

    @Test func builtGetImItemListBodyValidates() throws {
        let envelope = SOAPEnvelope(
            version: .soap11,
            headers: [t("RequestServerVersion", attributes: ["Version": "Exchange2013"])],
            body: m("GetImItemList"))
        let body = try SOAPEnvelope.parse(try envelope.serialized()).body
        let result = try XMLLint.validate(try body.serialized(includesDeclaration: true))
        #expect(result.passed, "\(result.output)")
    }

    @Test func builtAddImContactToGroupBodyValidates() throws {
        let body = m("AddImContactToGroup") {
            m("ContactId", attributes: ["Id": "AAMkAGQ1MjJjMTBkLTc4Y2AA=", "ChangeKey": "EQAAABYAAABtF8oI7i"])
            m("GroupId", attributes: ["Id": "AAMkAGQ1MjJjMTBkzAAAQKAAA=", "ChangeKey": "EgAAAA=="])
        }
        let result = try XMLLint.validate(try body.serialized())
        #expect(result.passed, "\(result.output)")
    }

    @Test func reserializedSeedRequestBodyValidates() throws {
        let request = try SOAPEnvelope.parse(Array(SeedExamples.addImGroupRequest.utf8))
        let result = try XMLLint.validate(try request.body.serialized())
        #expect(result.passed, "\(result.output)")
    }

    @Test func reserializedSeedResponseBodyValidates() throws {
        let response = try SOAPEnvelope.parse(Array(SeedExamples.addImGroupResponse.utf8))
        let result = try XMLLint.validate(try response.body.serialized())
        #expect(result.passed, "\(result.output)")
    }

    /// Guards the guard: a body missing its required DisplayName must fail, or the tests above
    /// would pass even if validation silently did nothing.
    @Test func invalidBodyFailsValidation() throws {
        let result = try XMLLint.validate(try m("AddImGroup").serialized())
        #expect(!result.passed)
        #expect(result.output.contains("DisplayName") || result.output.contains("missing"))
    }
}
