import Hummingbird
import HummingbirdAuth
import Logging
import NatterCodecs
import NatterWire

/// `POST /EWS/Exchange.asmx`: the HTTP shell of the contact store. It authenticates (HTTP Basic, the shared
/// authenticator), reads the body up to a cap, and dispatches on the body's element as Exchange does, so a
/// missing or wrong `SOAPAction` does not matter. What cannot be read is a SOAP fault, never a crash.
struct ContactStoreController: Sendable {
    static let path = "/EWS/Exchange.asmx"

    /// The same cap the XML reader enforces: a larger body is refused before it is read into memory.
    static let maximumBodySize = XMLDocumentReader.defaultMaximumDocumentSize

    let service: ContactStoreService
    let authenticator: Authenticator
    let logger: Logger

    func register(on router: Router<NatterRequestContext>) {
        router.group("/EWS")
            .add(middleware: BasicPasswordAuthenticator(authenticator: authenticator))
            .post("Exchange.asmx") { request, context in await handle(request, context: context) }
    }

    func handle(_ request: Request, context: NatterRequestContext) async -> Response {
        guard let user = context.identity else {
            var response = Response(status: .unauthorized)
            response.headers[.wwwAuthenticate] = "Basic realm=\"\(authenticator.domain)\", charset=\"UTF-8\""
            return response
        }
        var body = request.body
        let bytes: ByteBuffer
        do {
            bytes = try await body.collect(upTo: Self.maximumBodySize)
        } catch {
            return fault(
                .exchange(.errorInvalidRequest, reason: "the request body exceeds \(Self.maximumBodySize) bytes"),
                status: .contentTooLarge)
        }
        let parsed: ContactStoreRequest
        do {
            parsed = try ContactStoreEnvelope.parseRequest(bytes.readableBytesView).request
        } catch let error as ContactStoreCodecError {
            if let response = error.errorResponse() { return respond(response) }
            logger.info("contact store request refused", metadata: ["user": "\(user.name)", "error": "\(error)"])
            return fault(error.soapFault())
        } catch {
            logger.info("contact store request unreadable", metadata: ["user": "\(user.name)", "error": "\(error)"])
            return fault(
                .exchange(.errorSchemaValidation, reason: "the request is not a readable SOAP 1.1 message: \(error)"))
        }
        return respond(await service.respond(to: parsed, as: user))
    }

    private func respond(_ response: ContactStoreResponse) -> Response {
        do {
            return Self.xml(try ContactStoreEnvelope.bytes(for: response), status: .ok)
        } catch {
            logger.error("contact store response not encodable", metadata: ["error": "\(error)"])
            return fault(.exchange(.errorInternalServerError, reason: "the response could not be encoded"))
        }
    }

    /// Faults go out as HTTP 500, as SOAP 1.1 asks and Exchange does, unless a more precise status fits.
    private func fault(_ fault: SOAPFault, status: HTTPResponse.Status = .internalServerError) -> Response {
        guard let bytes = try? SOAPEnvelope(fault: fault).serialized() else {
            return Response(status: .internalServerError)
        }
        return Self.xml(bytes, status: status)
    }

    private static func xml(_ bytes: [UInt8], status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
