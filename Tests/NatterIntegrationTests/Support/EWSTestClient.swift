import Foundation
import NatterCodecs
import NatterTestSupport
import NatterTransport
import NatterWire
import Testing

/// An EWS contact store caller for tests: builds requests with the codec, posts them over libcurl, and checks
/// every response natterd returns against the real EWS schema (`xmllint --nonet --schema messages.xsd`).
struct EWSTestClient {
    let url: String
    let user: String
    let password: String
    private let http = HTTPClient()

    init(server: NatterdProcess, user: String, password: String? = nil) {
        url = server.url + "/EWS/Exchange.asmx"
        self.user = user
        self.password = password ?? user
    }

    /// Sends `request` and returns the parsed response, after validating its body against the schema.
    @discardableResult
    func call(
        _ request: ContactStoreRequest, validating: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ContactStoreResponse {
        let answer = try post(
            try ContactStoreEnvelope.bytes(for: request), soapAction: request.operation.soapAction)
        #expect(answer.status == 200, "HTTP \(answer.status): \(answer.bodyText)", sourceLocation: sourceLocation)
        if validating { try Self.validate(answer.body, sourceLocation: sourceLocation) }
        return try ContactStoreEnvelope.parseResponse(answer.body, expecting: request.operation).response
    }

    /// Sends `request` and requires success.
    @discardableResult
    func succeed(
        _ request: ContactStoreRequest, validating: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ContactStoreResponse.Payload {
        let response = try call(request, validating: validating, sourceLocation: sourceLocation)
        try #require(
            response.responseClass == .success,
            "\(request.operation) failed: \(response.responseCode) \(response.messageText ?? "")",
            sourceLocation: sourceLocation)
        return response.payload
    }

    /// Sends `request` and returns its error code, requiring `ResponseClass="Error"`.
    func failure(
        _ request: ContactStoreRequest, sourceLocation: SourceLocation = #_sourceLocation
    ) throws
        -> EWSResponseCode
    {
        let response = try call(request, sourceLocation: sourceLocation)
        #expect(response.responseClass == .error, "\(request.operation) succeeded", sourceLocation: sourceLocation)
        #expect(response.payload == .none, "an error response carries no payload", sourceLocation: sourceLocation)
        return response.responseCode
    }

    func itemList(sourceLocation: SourceLocation = #_sourceLocation) throws -> ImItemList {
        guard case .imItemList(let list) = try succeed(.getImItemList, sourceLocation: sourceLocation) else {
            throw NatterdError(description: "GetImItemList answered without an ImItemList")
        }
        return list
    }

    func addGroup(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ImGroup {
        guard
            case .imGroup(let group) = try succeed(.addImGroup(displayName: name), sourceLocation: sourceLocation)
        else { throw NatterdError(description: "AddImGroup answered without an ImGroup") }
        return group
    }

    func addContact(
        _ address: String, name: String? = nil, group: EWSItemId? = nil, validating: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Persona {
        let request = ContactStoreRequest.addNewImContactToGroup(imAddress: address, displayName: name, groupId: group)
        guard
            case .persona(let persona) = try succeed(
                request, validating: validating, sourceLocation: sourceLocation)
        else {
            throw NatterdError(description: "AddNewImContactToGroup answered without a Persona")
        }
        return persona
    }

    /// Posts raw bytes, for what the codec would never write.
    func post(_ body: [UInt8], soapAction: String? = nil, password: String? = nil) throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "text/xml; charset=utf-8"]
        if let soapAction { headers.add("SOAPAction", "\"\(soapAction)\"") }
        return try http.perform(
            HTTPRequest(
                method: .post, url: url, headers: headers, body: body,
                credentials: HTTPCredentials(username: user, password: password ?? self.password)))
    }

    static func validate(_ envelope: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let body = try SOAPEnvelope.parse(envelope).body
        let result = try XMLLint.validate(try body.serialized())
        #expect(result.passed, "schema validation failed:\n\(result.output)", sourceLocation: sourceLocation)
    }
}
