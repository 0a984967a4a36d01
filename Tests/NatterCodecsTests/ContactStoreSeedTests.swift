import NatterTestSupport
import NatterWire
import Testing

@testable import NatterCodecs

/// Seed 002, section 4. The seed's documents are pretty-printed, use `Exchange2012` and carry a
/// `t:TimeZoneContext` natter does not send, so natter cannot reproduce their bytes. Each example is therefore
/// checked three ways: the seed's bytes decode to the expected values; natter's encoding of those values equals
/// the seed's document element for element (ignoring layout whitespace and prefix choice); and natter's own
/// bytes are pinned byte for byte, so any change to the wire form is deliberate.
@Suite("ContactStore codec: seed 002 examples")
struct ContactStoreSeedTests {
    static let envelopeOpen =
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        + #"<soap:Envelope xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages""#
        + #" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types""#
        + #" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">"#
    static let seedHeader = EWSRequestHeader(requestServerVersion: "Exchange2012", mailboxCulture: "en-US")
    static let seedServerVersion = EWSServerVersionInfo(
        majorVersion: 15, minorVersion: 0, majorBuildNumber: 349, minorBuildNumber: 0, version: "Exchange2012")

    private func seedEnvelope(_ document: String) throws -> SOAPEnvelope {
        try SOAPEnvelope.parse(Array(document.utf8))
    }

    // MARK: AddImGroup

    @Test func addImGroupRequestDecodes() throws {
        let (request, header) = try ContactStoreEnvelope.parseRequest(
            Array(ContactStoreSeedExamples.addImGroupRequest.utf8))
        #expect(request == .addImGroup(displayName: "MyCustomGroup"))
        #expect(header == Self.seedHeader)
    }

    @Test func addImGroupRequestEncodesLikeTheSeed() throws {
        let request = ContactStoreRequest.addImGroup(displayName: "MyCustomGroup")
        let seed = try seedEnvelope(ContactStoreSeedExamples.addImGroupRequest)
        let ours = try SOAPEnvelope.parse(ContactStoreEnvelope.bytes(for: request, header: Self.seedHeader))
        #expect(ours.body.normalized == seed.body.normalized)
        #expect(ours.headers.map(\.normalized) == Array(seed.headers.prefix(2)).map(\.normalized))

        let bytes = try ContactStoreEnvelope.bytes(for: request, header: Self.seedHeader)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == Self.envelopeOpen
                + #"<soap:Header><t:RequestServerVersion Version="Exchange2012"/>"#
                + "<t:MailboxCulture>en-US</t:MailboxCulture></soap:Header>"
                + "<soap:Body><m:AddImGroup><m:DisplayName>MyCustomGroup</m:DisplayName></m:AddImGroup></soap:Body>"
                + "</soap:Envelope>")
    }

    @Test func addImGroupResponseDecodes() throws {
        let (response, version) = try ContactStoreEnvelope.parseResponse(
            Array(ContactStoreSeedExamples.addImGroupResponse.utf8), expecting: .addImGroup)
        let group = ImGroup(
            displayName: "MyCustomGroup", groupType: ImGroup.userGroupType,
            exchangeStoreId: EWSItemId(id: "AAMkAGQ1MjJjMTBkLTc4Y2UtdNDA5Ny04ZjU5LWI3MAAA=", changeKey: "EgAAAA=="))
        #expect(response == .success(.addImGroup, payload: .imGroup(group)))
        #expect(version == Self.seedServerVersion)
    }

    @Test func addImGroupResponseEncodesLikeTheSeed() throws {
        let seed = try seedEnvelope(ContactStoreSeedExamples.addImGroupResponse)
        let (response, _) = try ContactStoreEnvelope.parseResponse(
            Array(ContactStoreSeedExamples.addImGroupResponse.utf8))
        let bytes = try ContactStoreEnvelope.bytes(for: response, serverVersion: Self.seedServerVersion)
        let ours = try SOAPEnvelope.parse(bytes)
        #expect(ours.body.normalized == seed.body.normalized)
        #expect(ours.headers.map(\.normalized) == seed.headers.map(\.normalized))
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == Self.envelopeOpen
                + #"<soap:Header><t:ServerVersionInfo MajorVersion="15" MinorVersion="0" MajorBuildNumber="349""#
                + #" MinorBuildNumber="0" Version="Exchange2012"/></soap:Header>"#
                + #"<soap:Body><m:AddImGroupResponse ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>"#
                + "<m:ImGroup><t:DisplayName>MyCustomGroup</t:DisplayName>"
                + "<t:GroupType>IPM.DistList.MOC.UserGroup</t:GroupType>"
                + #"<t:ExchangeStoreId Id="AAMkAGQ1MjJjMTBkLTc4Y2UtdNDA5Ny04ZjU5LWI3MAAA=" ChangeKey="EgAAAA=="/>"#
                + "</m:ImGroup></m:AddImGroupResponse></soap:Body></soap:Envelope>")
    }

    // MARK: AddImContactToGroup

    @Test func addImContactToGroupRequestRoundTrips() throws {
        let expected = ContactStoreRequest.addImContactToGroup(
            contactId: EWSItemId(id: "AAMkAGQ1MjJjMTBkLTc4Y2AA=", changeKey: "EQAAABYAAABtF8oI7i"),
            groupId: EWSItemId(id: "AAMkAGQ1MjJjMTBkzAAAQKAAA=", changeKey: "EgAAAA=="))
        let (request, header) = try ContactStoreEnvelope.parseRequest(
            Array(ContactStoreSeedExamples.addImContactToGroupRequest.utf8))
        #expect(request == expected)
        #expect(header == Self.seedHeader)

        let seed = try seedEnvelope(ContactStoreSeedExamples.addImContactToGroupRequest)
        let bytes = try ContactStoreEnvelope.bytes(for: expected, header: Self.seedHeader)
        let ours = try SOAPEnvelope.parse(bytes)
        #expect(ours.body.normalized == seed.body.normalized)
        #expect(ours.headers.map(\.normalized) == seed.headers.map(\.normalized))
        #expect(
            String(decoding: try expected.element().serialized(), as: UTF8.self)
                == #"<m:AddImContactToGroup xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages""#
                + #" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">"#
                + #"<m:ContactId Id="AAMkAGQ1MjJjMTBkLTc4Y2AA=" ChangeKey="EQAAABYAAABtF8oI7i"/>"#
                + #"<m:GroupId Id="AAMkAGQ1MjJjMTBkzAAAQKAAA=" ChangeKey="EgAAAA=="/></m:AddImContactToGroup>"#)
    }

    @Test func addImContactToGroupResponseRoundTrips() throws {
        let document = Array(ContactStoreSeedExamples.addImContactToGroupResponse.utf8)
        let (response, version) = try ContactStoreEnvelope.parseResponse(document, expecting: .addImContactToGroup)
        #expect(response == .success(.addImContactToGroup))
        #expect(version == Self.seedServerVersion)
        let ours = try SOAPEnvelope.parse(
            ContactStoreEnvelope.bytes(for: response, serverVersion: Self.seedServerVersion))
        #expect(
            ours.body.normalized
                == (try seedEnvelope(ContactStoreSeedExamples.addImContactToGroupResponse)).body.normalized)
    }

    // MARK: RemoveImGroup

    @Test func removeImGroupRequestRoundTrips() throws {
        let expected = ContactStoreRequest.removeImGroup(
            groupId: EWSItemId(id: "AAMkAGQ1MjJjMTBkLTc4Y2UtNDA5hQoTbWAAAAAQRAAA=", changeKey: "EgAAAA=="))
        let (request, header) = try ContactStoreEnvelope.parseRequest(
            Array(ContactStoreSeedExamples.removeImGroupRequest.utf8))
        #expect(request == expected)
        #expect(header == Self.seedHeader)
        let seed = try seedEnvelope(ContactStoreSeedExamples.removeImGroupRequest)
        let ours = try SOAPEnvelope.parse(ContactStoreEnvelope.bytes(for: expected, header: Self.seedHeader))
        #expect(ours.body.normalized == seed.body.normalized)
    }

    @Test func removeImGroupResponseRoundTrips() throws {
        let document = Array(ContactStoreSeedExamples.removeImGroupResponse.utf8)
        let (response, _) = try ContactStoreEnvelope.parseResponse(document, expecting: .removeImGroup)
        #expect(response == .success(.removeImGroup))
        let ours = try SOAPEnvelope.parse(ContactStoreEnvelope.bytes(for: response))
        #expect(
            ours.body.normalized == (try seedEnvelope(ContactStoreSeedExamples.removeImGroupResponse)).body.normalized)
        #expect(
            String(decoding: try response.element().serialized(), as: UTF8.self)
                == #"<m:RemoveImGroupResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages""#
                + #" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" ResponseClass="Success">"#
                + "<m:ResponseCode>NoError</m:ResponseCode></m:RemoveImGroupResponse>")
    }

    /// The seed's responses put everything in default namespaces (`xmlns="…messages"`, `xmlns="…types"`)
    /// while its requests use `m:`/`t:`; both forms already pass through the tests above. A response with
    /// prefixes nobody uses must read the same.
    @Test func seedResponseWithOtherPrefixesDecodes() throws {
        let document = """
            <?xml version="1.0" encoding="utf-8"?>
            <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"
              xmlns:ews="http://schemas.microsoft.com/exchange/services/2006/messages"
              xmlns:typ="http://schemas.microsoft.com/exchange/services/2006/types">
              <env:Body>
                <ews:AddImGroupResponse ResponseClass="Success">
                  <ews:ResponseCode>NoError</ews:ResponseCode>
                  <ews:ImGroup>
                    <typ:DisplayName>MyCustomGroup</typ:DisplayName>
                    <typ:GroupType>IPM.DistList.MOC.UserGroup</typ:GroupType>
                    <typ:ExchangeStoreId Id="AAMkAGQ1MjJjMTBkLTc4Y2UtdNDA5Ny04ZjU5LWI3MAAA=" ChangeKey="EgAAAA=="/>
                  </ews:ImGroup>
                </ews:AddImGroupResponse>
              </env:Body>
            </env:Envelope>
            """
        let (prefixed, version) = try ContactStoreEnvelope.parseResponse(Array(document.utf8))
        let (seed, _) = try ContactStoreEnvelope.parseResponse(Array(ContactStoreSeedExamples.addImGroupResponse.utf8))
        #expect(prefixed == seed)
        #expect(version == nil)
    }
}
