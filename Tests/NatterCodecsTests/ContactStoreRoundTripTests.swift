import NatterWire
import Testing

@testable import NatterCodecs

@Suite("ContactStore codec: round trips")
struct ContactStoreRoundTripTests {
    @Test func fixturesCoverEveryOperation() {
        #expect(Set(ContactStoreFixtures.requests.map(\.operation)) == Set(ContactStoreOperation.allCases))
        #expect(ContactStoreOperation.allCases.count == 12)
    }

    @Test(arguments: ContactStoreFixtures.requests)
    func requestRoundTripsThroughEnvelopeBytes(_ request: ContactStoreRequest) throws {
        let header = EWSRequestHeader(requestServerVersion: "Exchange2013", mailboxCulture: "de-CH")
        let bytes = try ContactStoreEnvelope.bytes(for: request, header: header)
        let (decoded, decodedHeader) = try ContactStoreEnvelope.parseRequest(bytes)
        #expect(decoded == request)
        #expect(decodedHeader == header)
    }

    @Test func requestHeaderDefaultsToExchange2013() throws {
        let envelope = try ContactStoreEnvelope.envelope(for: .getImItemList)
        let t = EWSNamespace.types.uri
        #expect(envelope.header(named: "RequestServerVersion", namespace: t)?.attribute("Version") == "Exchange2013")
        #expect(envelope.header(named: "MailboxCulture", namespace: t)?.text == "en-US")
        #expect(envelope.version == .soap11)
    }

    @Test(arguments: ContactStoreOperation.allCases)
    func successResponseRoundTrips(_ operation: ContactStoreOperation) throws {
        let response = ContactStoreFixtures.success(operation)
        let bytes = try ContactStoreEnvelope.bytes(for: response)
        let (decoded, version) = try ContactStoreEnvelope.parseResponse(bytes, expecting: operation)
        #expect(decoded == response)
        #expect(version == .exchange2013)
    }

    @Test(arguments: ContactStoreOperation.allCases)
    func errorResponseRoundTrips(_ operation: ContactStoreOperation) throws {
        let response = ContactStoreFixtures.error(operation)
        let (decoded, _) = try ContactStoreEnvelope.parseResponse(
            try ContactStoreEnvelope.bytes(for: response), expecting: operation)
        #expect(decoded == response)
        #expect(decoded.responseClass == .error)
        #expect(decoded.messageText?.hasSuffix("<&>") == true)
    }

    @Test func soapActionNamesTheOperation() {
        #expect(
            ContactStoreOperation.getImItems.soapAction
                == "http://schemas.microsoft.com/exchange/services/2006/messages/GetImItems")
        let headers = ContactStoreEnvelope.httpHeaders(for: .removeImGroup(groupId: ContactStoreFixtures.groupId))
        #expect(
            headers.first { $0.name == "SOAPAction" }?.value
                == "\"http://schemas.microsoft.com/exchange/services/2006/messages/RemoveImGroup\"")
        #expect(headers.first { $0.name == "Content-Type" }?.value == "text/xml; charset=utf-8")
    }

    /// Fields come out in schema order; a validating peer rejects any other order.
    @Test func addNewImContactToGroupWritesFieldsInSchemaOrder() throws {
        let request = ContactStoreRequest.addNewImContactToGroup(
            imAddress: "sip:bob@natter.test", displayName: "Bob", groupId: ContactStoreFixtures.groupId)
        #expect(try request.element().elements.map(\.name) == ["ImAddress", "DisplayName", "GroupId"])
        let response = ContactStoreResponse.error(.addImGroup, code: .errorImGroupLimitReached, messageText: "full")
        #expect(try response.element().elements.map(\.name) == ["MessageText", "ResponseCode"])
    }

    @Test func requestWithOtherPrefixesAndDefaultNamespaceDecodes() throws {
        let document = """
            <?xml version="1.0"?>
            <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
              <S:Header>
                <v:RequestServerVersion xmlns:v="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2013_SP1"/>
              </S:Header>
              <S:Body>
                <GetImItems xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"
                    xmlns:x="http://schemas.microsoft.com/exchange/services/2006/types">
                  <GroupIds><x:ItemId Id="AAMkGroup1=" ChangeKey="Eg=="/><x:ItemId Id="AAMkGroup2="/></GroupIds>
                  <ExtendedProperties><x:ExtendedFieldURI PropertyTag="0x3001" PropertyType="String"/></ExtendedProperties>
                </GetImItems>
              </S:Body>
            </S:Envelope>
            """
        let (request, header) = try ContactStoreEnvelope.parseRequest(Array(document.utf8))
        #expect(
            request
                == .getImItems(
                    contactIds: [],
                    groupIds: [EWSItemId(id: "AAMkGroup1=", changeKey: "Eg=="), EWSItemId(id: "AAMkGroup2=")]))
        #expect(header == EWSRequestHeader(requestServerVersion: "Exchange2013_SP1", mailboxCulture: nil))
    }

    @Test func migrationFlagAcceptsEveryXSBooleanSpelling() throws {
        let m = EWSNamespace.messages
        for (text, value) in [("true", true), (" 1 ", true), ("false", false), ("0", false)] {
            let body = m("SetImListMigrationCompleted") { m("ImListMigrationCompleted", text: text) }
            #expect(try ContactStoreRequest(parsing: body) == .setImListMigrationCompleted(value))
        }
    }

    /// The schema allows a response without a code; a success is still understood, an error is not.
    @Test func successWithoutResponseCodeMeansNoError() throws {
        let m = EWSNamespace.messages
        let body = m("SetImGroupResponse", attributes: ["ResponseClass": "Success"])
        #expect(try ContactStoreResponse(parsing: body) == .success(.setImGroup))
    }
}
