import NatterWire

/// A Unified Contact Store response: the operation's `…Response` element, which in this part of EWS *is* the
/// response message (`m:ResponseMessageType` extended with a payload) rather than a `ResponseMessages` wrapper.
///
/// ```xml
/// <m:AddImGroupResponse ResponseClass="Success">
///   <m:ResponseCode>NoError</m:ResponseCode>
///   <m:ImGroup>…</m:ImGroup>
/// </m:AddImGroupResponse>
/// ```
public struct ContactStoreResponse: Sendable, Hashable {
    /// What a success response of an operation carries (``ContactStoreOperation/payloadKind``).
    public enum PayloadKind: Sendable, Hashable {
        case none
        case imGroup
        case persona
        case imItemList
    }

    /// The operation-specific content; `none` in every error response and in most success responses.
    public enum Payload: Sendable, Hashable {
        case none
        case imGroup(ImGroup)
        case persona(Persona)
        case imItemList(ImItemList)

        public var kind: PayloadKind {
            switch self {
            case .none: .none
            case .imGroup: .imGroup
            case .persona: .persona
            case .imItemList: .imItemList
            }
        }
    }

    public var operation: ContactStoreOperation
    public var responseClass: EWSResponseClass
    public var responseCode: EWSResponseCode
    /// Human-readable detail, sent before the code as the schema orders it.
    public var messageText: String?
    public var payload: Payload

    public init(
        operation: ContactStoreOperation,
        responseClass: EWSResponseClass,
        responseCode: EWSResponseCode,
        messageText: String? = nil,
        payload: Payload = .none
    ) {
        self.operation = operation
        self.responseClass = responseClass
        self.responseCode = responseCode
        self.messageText = messageText
        self.payload = payload
    }

    /// A `Success`/`NoError` response.
    public static func success(_ operation: ContactStoreOperation, payload: Payload = .none) -> Self {
        Self(operation: operation, responseClass: .success, responseCode: .noError, payload: payload)
    }

    /// An `Error` response with `code` and an optional explanation.
    public static func error(
        _ operation: ContactStoreOperation, code: EWSResponseCode, messageText: String? = nil
    ) -> Self {
        Self(operation: operation, responseClass: .error, responseCode: code, messageText: messageText)
    }

    /// The body element.
    ///
    /// - Throws: ``ContactStoreCodecError`` when the payload does not belong to the operation (a `Persona` in
    ///   an `AddImGroupResponse`), which the schema would reject, or when a payload field is invalid.
    public func element() throws -> XMLElement {
        let m = EWSNamespace.messages
        guard payload.kind == .none || payload.kind == operation.payloadKind else {
            throw ContactStoreCodecError.unexpectedPayload("\(payload.kind)", operation: operation)
        }
        let content: XMLElement?
        do {
            switch payload {
            case .none: content = nil
            case .imGroup(let group): content = try group.element("ImGroup", in: m)
            case .persona(let persona): content = try persona.element("Persona", in: m)
            case .imItemList(let list): content = try list.element("ImItemList", in: m)
            }
        } catch let error as ContactStoreCodecError {
            throw error.within(operation)
        }
        return m(operation.responseElementName, attributes: ["ResponseClass": responseClass.rawValue]) {
            messageText.map { m("MessageText", text: $0) }
            m("ResponseCode", text: responseCode.rawValue)
            content
        }
        .declaringEWSNamespaces()
    }
}
