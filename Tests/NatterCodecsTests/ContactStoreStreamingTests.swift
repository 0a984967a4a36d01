import Foundation
import NatterWire
import Testing

@testable import NatterCodecs

/// The streaming GetImItems/GetImItemList decoder reads exactly what the tree decoders read, and hands everything
/// it does not read (faults, errors, refused values, a DOCTYPE) to them.
@Suite struct ContactStoreStreamingTests {
    static func list(personas: Int) -> ImItemList {
        let people = (0..<personas).map { index in
            Persona(
                personaId: EWSItemId(id: Data("persona-\(index)".utf8).base64EncodedString(), changeKey: "EgAAAA=="),
                personaType: "Person", displayName: "Person \(index) & Zoë 漢字",
                emailAddress: EWSEmailAddress(name: "P \(index)", address: "user\(index)@natter.test"),
                emailAddresses: index % 2 == 0 ? [EWSEmailAddress(name: nil, address: "x\(index)@a.test")] : [],
                imAddress: "sip:user\(index)@natter.test")
        }
        let team = ImGroup(
            displayName: "Team", exchangeStoreId: EWSItemId(id: "R3JvdXA=", changeKey: "EgAAAA=="),
            memberCorrelationKey: people.map { EWSItemId(id: $0.personaId.id) })
        let empty = ImGroup(displayName: "Empty", exchangeStoreId: EWSItemId(id: "RW1wdHk="))
        return ImItemList(groups: [team, empty], personas: people)
    }

    func both(
        _ bytes: [UInt8], _ operation: ContactStoreOperation
    ) throws -> (ContactStoreResponse?, ContactStoreResponse) {
        let streamed = bytes.withUnsafeBufferPointer { ImItemListStreamDecoder.decode($0, expecting: operation) }
        return (streamed, try ContactStoreEnvelope.parseResponse(bytes, expecting: operation).response)
    }

    @Test(arguments: [ContactStoreOperation.getImItems, .getImItemList])
    func streamedEqualsTheTreeDecoders(_ operation: ContactStoreOperation) throws {
        let response = ContactStoreResponse.success(operation, payload: .imItemList(Self.list(personas: 50)))
        let bytes = try ContactStoreEnvelope.bytes(for: response)
        let (streamed, tree) = try both(bytes, operation)
        #expect(streamed != nil, "the streaming decoder gave up on our own response")
        #expect(streamed == tree)
        #expect(streamed == response)
    }

    @Test func otherPrefixesAndUnknownElementsAreReadAsTheTreeReadsThem() throws {
        let text = """
            <?xml version="1.0"?>
            <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header><x:V xmlns:x="urn:x"/></S:Header>
            <S:Body><GetImItemListResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" \
            ResponseClass=" Success "><ResponseCode>NoError</ResponseCode>
            <ImItemList><Groups xmlns="http://schemas.microsoft.com/exchange/services/2006/types"><ImGroup>
            <DisplayName>A &amp; B</DisplayName><DisplayName>second</DisplayName><GroupType>IPM.DistList.MOC.UserGroup</GroupType>
            <Unknown><DisplayName>no</DisplayName></Unknown><ExchangeStoreId Id="QQ=="/>
            <MemberCorrelationKey><ItemId Id="UA=="/></MemberCorrelationKey></ImGroup></Groups>
            <q:Personas xmlns:q="http://schemas.microsoft.com/exchange/services/2006/types"><q:Persona>
            <q:PersonaId Id="UA==" ChangeKey="Ag=="/><q:DisplayName><![CDATA[Pat <P>]]></q:DisplayName>
            <q:RelevanceScore>3</q:RelevanceScore><q:ImAddress>sip:pat@example.org</q:ImAddress></q:Persona></q:Personas>
            </ImItemList></GetImItemListResponse></S:Body></S:Envelope>
            """
        let (streamed, tree) = try both(Array(text.utf8), .getImItemList)
        #expect(streamed != nil)
        #expect(streamed == tree)
        guard case .imItemList(let list) = tree.payload else {
            Issue.record("no list in \(tree)")
            return
        }
        #expect(list.groups.map(\.displayName) == ["A & B"])
        #expect(list.personas.map(\.displayName) == ["Pat <P>"])
    }

    @Test func whatItDoesNotReadGoesToTheTreeDecoders() throws {
        let error = ContactStoreResponse.error(.getImItemList, code: .errorAccessDenied, messageText: "no")
        let fault = Array(
            """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>\
            <faultcode>s:Client</faultcode><faultstring>bad</faultstring></s:Fault></s:Body></s:Envelope>
            """.utf8)
        let doctype = Array(
            """
            <!DOCTYPE s:Envelope [<!ENTITY x "y">]><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"/>
            """.utf8)
        let good = try ContactStoreEnvelope.bytes(
            for: .success(.getImItems, payload: .imItemList(Self.list(personas: 1))))
        let refused = String(decoding: good, as: UTF8.self).replacingOccurrences(
            of: Data("persona-0".utf8).base64EncodedString(), with: "not base64!")
        let cases: [[UInt8]] = [
            try ContactStoreEnvelope.bytes(for: error), fault, doctype,
            Array(refused.utf8),
            Array("<not xml".utf8),
        ]
        for bytes in cases {
            #expect(bytes.withUnsafeBufferPointer { ImItemListStreamDecoder.decode($0, expecting: .getImItems) } == nil)
        }
        // The fallback gives the tree decoders' answer: the error response as it is, the rest as thrown errors.
        let answered = try ContactStoreEnvelope.parseItemListResponse(
            try ContactStoreEnvelope.bytes(for: error), expecting: .getImItemList)
        #expect(answered == error)
        #expect(throws: (any Error).self) {
            try ContactStoreEnvelope.parseItemListResponse(doctype, expecting: .getImItems)
        }
        #expect(throws: (any Error).self) {
            try ContactStoreEnvelope.parseItemListResponse(fault, expecting: .getImItems)
        }
    }

    @Test func aDocumentOverTheSizeCapIsRefusedBeforeParsing() throws {
        let bytes = try ContactStoreEnvelope.bytes(
            for: .success(.getImItems, payload: .imItemList(Self.list(personas: 5))))
        let small = XMLStreamReader(maximumDocumentSize: bytes.count - 1)
        #expect(
            bytes.withUnsafeBufferPointer { ImItemListStreamDecoder.decode($0, expecting: .getImItems, reader: small) }
                == nil)
    }
}
