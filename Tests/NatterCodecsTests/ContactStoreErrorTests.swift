import NatterTestSupport
import NatterWire
import Testing

@testable import NatterCodecs

@Suite("ContactStore codec: bad input")
struct ContactStoreErrorTests {
    let m = EWSNamespace.messages
    let t = EWSNamespace.types

    private func requestError(_ body: XMLElement) throws -> ContactStoreCodecError {
        try #require(throws: ContactStoreCodecError.self) { try ContactStoreRequest(parsing: body) }
    }

    @Test func unknownOperationIsRefused() throws {
        let error = try requestError(m("GetUserPhoto") { m("Email", text: "bob@natter.test") })
        #expect(error.isUnknownOperation)
        #expect(error.operation == nil)
        #expect(error.responseCode == .errorInvalidRequest)
        #expect(error.answersWithFault)
        #expect(error.description.contains("GetUserPhoto"))
    }

    @Test func operationNameInWrongNamespaceIsUnknown() throws {
        #expect(try requestError(t("AddImGroup") { m("DisplayName", text: "x") }).isUnknownOperation)
        #expect(try requestError(XMLElement("GetImItemList")).isUnknownOperation)
    }

    @Test func missingRequiredElementNamesItsPath() throws {
        let error = try requestError(
            m("RemoveImContactFromGroup") { ContactStoreFixtures.contactId.element("ContactId", in: m) })
        #expect(error.operation == .removeImContactFromGroup)
        #expect(error.path == "RemoveImContactFromGroup/GroupId")
        #expect(error.responseCode == .errorSchemaValidation)
        #expect(
            error.description == "RemoveImContactFromGroup: missing required element RemoveImContactFromGroup/GroupId")
    }

    @Test func fieldInTheTypesNamespaceDoesNotCount() throws {
        let error = try requestError(m("AddImGroup") { t("DisplayName", text: "x") })
        #expect(error.path == "AddImGroup/DisplayName")
    }

    @Test func emptyDisplayNameIsInvalid() throws {
        let error = try requestError(m("AddImGroup") { m("DisplayName", text: "") })
        #expect(error.path == "AddImGroup/DisplayName")
        #expect(!error.isMalformedId)
    }

    @Test func malformedIdIsReportedAsSuch() throws {
        for id in ["", "not base64!", "AB=C", "===="] {
            let body = m("RemoveImGroup") { EWSItemId(id: id, changeKey: "Eg==").element("GroupId", in: m) }
            let error = try requestError(body)
            #expect(error.isMalformedId, "\(id)")
            #expect(error.responseCode == .errorInvalidIdMalformed)
            #expect(!error.answersWithFault)
            #expect(error.operation == .removeImGroup)
        }
    }

    @Test func idWithoutIdAttributeIsMissing() throws {
        let error = try requestError(m("RemoveContactFromImList") { m("ContactId", attributes: ["ChangeKey": "Eg=="]) })
        #expect(error.path == "RemoveContactFromImList/ContactId/@Id")
    }

    @Test func emptyIdArrayAndForeignIdKindsAreRefused() throws {
        #expect(try requestError(m("GetImItems") { m("ContactIds") }).path == "GetImItems/ContactIds/ItemId")
        let occurrence = m("GetImItems") {
            m("GroupIds") { t("OccurrenceItemId", attributes: ["RecurringMasterId": "AAMk=", "InstanceIndex": "1"]) }
        }
        #expect(try requestError(occurrence).path == "GetImItems/GroupIds/OccurrenceItemId")
    }

    @Test func nonBooleanMigrationFlagIsInvalid() throws {
        let error = try requestError(m("SetImListMigrationCompleted") { m("ImListMigrationCompleted", text: "yes") })
        #expect(error.path == "SetImListMigrationCompleted/ImListMigrationCompleted")
    }

    @Test func encodingRefusesWhatTheSchemaForbids() throws {
        let error = try #require(throws: ContactStoreCodecError.self) {
            try ContactStoreRequest.setImGroup(groupId: ContactStoreFixtures.groupId, newDisplayName: "").element()
        }
        #expect(error.operation == .setImGroup)
        #expect(error.path == "SetImGroup/NewDisplayName")

        let mismatched = ContactStoreResponse.success(.addImGroup, payload: .persona(ContactStoreFixtures.persona))
        #expect(throws: ContactStoreCodecError.self) { try mismatched.element() }
    }

    @Test func responseToAnotherOperationIsRefused() throws {
        let body = try ContactStoreResponse.success(.removeImGroup).element()
        let error = try #require(throws: ContactStoreCodecError.self) {
            try ContactStoreResponse(parsing: body, expecting: .setImGroup)
        }
        #expect(error.description == "SetImGroup: expected SetImGroupResponse, found RemoveImGroupResponse")
    }

    @Test func responseWithoutClassOrWithUnknownClassIsRefused() throws {
        let missing = m("RemoveImGroupResponse") { m("ResponseCode", text: "NoError") }
        #expect(throws: ContactStoreCodecError.self) { try ContactStoreResponse(parsing: missing) }
        let unknown = m("RemoveImGroupResponse", attributes: ["ResponseClass": "Maybe"])
        let error = try #require(throws: ContactStoreCodecError.self) { try ContactStoreResponse(parsing: unknown) }
        #expect(error.path == "RemoveImGroupResponse/@ResponseClass")
        let errorWithoutCode = m("RemoveImGroupResponse", attributes: ["ResponseClass": "Error"])
        #expect(throws: ContactStoreCodecError.self) { try ContactStoreResponse(parsing: errorWithoutCode) }
    }

    @Test func faultFromServerSurfacesAsSOAPFault() throws {
        let document = """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
            <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode>
            <faultstring>The request failed schema validation.</faultstring></s:Fault></s:Body></s:Envelope>
            """
        #expect(throws: SOAPFault.self) { try ContactStoreEnvelope.parseResponse(Array(document.utf8)) }
    }

    @Test func soap12RequestIsRefused() throws {
        let envelope = SOAPEnvelope(version: .soap12, body: try ContactStoreRequest.getImItemList.element())
        let error = try #require(throws: ContactStoreCodecError.self) {
            try ContactStoreEnvelope.parseRequest(try envelope.serialized())
        }
        #expect(error.description == "EWS is spoken over SOAP 1.1, not SOAP 1.2")
        #expect(error.answersWithFault)
    }

    @Test func malformedXMLIsAnXMLError() {
        #expect(throws: XMLError.self) { try ContactStoreEnvelope.parseRequest(Array("<soap:Envelope".utf8)) }
    }
}

@Suite("ContactStore codec: answers to bad requests")
struct ContactStoreErrorAnswerTests {
    let m = EWSNamespace.messages

    @Test func schemaErrorBecomesAnEWSFault() throws {
        let error = try #require(throws: ContactStoreCodecError.self) {
            try ContactStoreRequest(parsing: m("AddImGroup"))
        }
        #expect(error.errorResponse() == nil)
        let bytes = try SOAPEnvelope(fault: error.soapFault()).serialized()
        let fault = try #require(throws: SOAPFault.self) { try ContactStoreEnvelope.parseResponse(bytes) }
        #expect(fault.code == .other(namespace: EWSNamespace.types.uri, name: "ErrorSchemaValidation"))
        #expect(fault.detailCode == "ErrorSchemaValidation")
        #expect(fault.reason == "AddImGroup: missing required element AddImGroup/DisplayName")
    }

    @Test func malformedIdBecomesAnErrorResponseThatValidates() throws {
        let body = m("AddImContactToGroup") { EWSItemId(id: "%%%").element("ContactId", in: m) }
        let error = try #require(throws: ContactStoreCodecError.self) { try ContactStoreRequest(parsing: body) }
        let response = try #require(error.errorResponse())
        #expect(response.operation == .addImContactToGroup)
        #expect(response.responseClass == .error)
        #expect(response.responseCode == .errorInvalidIdMalformed)
        let result = try XMLLint.validate(try response.element().serialized())
        #expect(result.passed, "\(result.output)")
    }
}
