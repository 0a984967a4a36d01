import Foundation
import NatterTestSupport
import NatterWire
import Testing

@testable import NatterCodecs

/// Every body natter writes must validate against the real EWS schema (`messages.xsd`, `types.xsd`), checked by
/// xmllint rather than by natter's own reader. Bodies are taken from the whole envelope, so prefixes declared on
/// the Envelope are exercised too.
@Suite("ContactStore codec: schema validation")
struct ContactStoreSchemaTests {
    private func expectValid(_ body: XMLElement, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try XMLLint.validate(try body.serialized(includesDeclaration: true))
        #expect(result.passed, "\(result.output)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ContactStoreFixtures.requests)
    func requestBodyValidates(_ request: ContactStoreRequest) throws {
        try expectValid(try bodyOfEnvelope(ContactStoreEnvelope.bytes(for: request)))
    }

    @Test(arguments: ContactStoreOperation.allCases)
    func successResponseBodyValidates(_ operation: ContactStoreOperation) throws {
        try expectValid(try bodyOfEnvelope(ContactStoreEnvelope.bytes(for: ContactStoreFixtures.success(operation))))
    }

    @Test(arguments: ContactStoreOperation.allCases)
    func errorResponseBodyValidates(_ operation: ContactStoreOperation) throws {
        try expectValid(try bodyOfEnvelope(ContactStoreEnvelope.bytes(for: ContactStoreFixtures.error(operation))))
    }

    /// A body written on its own (without the envelope's declarations) must be complete as well.
    @Test func standaloneBodyValidates() throws {
        try expectValid(try ContactStoreFixtures.success(.getImItemList).element())
        try expectValid(
            try ContactStoreRequest.getImItems(contactIds: [ContactStoreFixtures.contactId], groupIds: []).element())
    }

    /// Guards the guard: without this, the tests above would pass if xmllint validated nothing.
    @Test func bodyMissingARequiredElementFailsValidation() throws {
        let m = EWSNamespace.messages
        let result = try XMLLint.validate(try m("SetImGroup") { m("NewDisplayName", text: "x") }.serialized())
        #expect(!result.passed)
        #expect(result.output.contains("GroupId"))
    }

    @Test func responseWithFieldInWrongNamespaceFailsValidation() throws {
        let m = EWSNamespace.messages
        let body = m("AddImGroupResponse", attributes: ["ResponseClass": "Success"]) {
            m("ResponseCode", text: "NoError")
            m("ImGroup") {
                m("DisplayName", text: "x"); m("GroupType", text: ImGroup.userGroupType)
            }
        }
        #expect(!(try XMLLint.validate(try body.serialized())).passed)
    }

    /// The named response codes are spelled as in `m:ResponseCodeType`; a typo would make natterd's answers
    /// fail validation in exactly the error paths that are hardest to exercise.
    @Test func namedResponseCodesAreInTheSchema() throws {
        let url = XMLLint.schemaDirectory.appendingPathComponent("messages.xsd")
        let schema = try XMLDocumentReader().parse(Array(try Data(contentsOf: url)))
        let xs = "http://www.w3.org/2001/XMLSchema"
        let codeType = try #require(
            schema.children(named: "simpleType", namespace: xs).first { $0.attribute("name") == "ResponseCodeType" })
        let values = Set(
            codeType.firstChild(named: "restriction", namespace: xs)?.children(named: "enumeration", namespace: xs)
                .compactMap { $0.attribute("value") } ?? [])
        #expect(values.count > 100)
        for code in EWSResponseCode.named {
            #expect(values.contains(code.rawValue), "\(code) is not in ResponseCodeType")
        }
    }
}
