import Foundation
import Hummingbird
import Logging
import NatterCodecs
import NatterWire

/// `POST /service/soap/`: one SOAP envelope in, one out. Reads the body whatever its Content-Type (real
/// Zimbra clients send `application/soap+xml`, `text/xml` and even form-encoded XML), answers every
/// refusal as a SOAP 1.2 fault with the Zimbra code and HTTP 500 as Zimbra does, and carries the
/// session's unacknowledged notifications in the context of every answer, faults included.
struct RosterController: Sendable {
    let service: RosterService
    let maxBodySize: Int
    let logger: Logger

    /// The longest a `NoOpRequest wait="1"` is held; a longer or missing `timeout` is cut to it, well inside
    /// the session's idle timeout so a waiting client never lets its session expire.
    static let maximumWait: Duration = .seconds(300)

    func register(on router: Router<NatterRequestContext>) {
        let handler: @Sendable (Request, NatterRequestContext) async throws -> Response = { request, _ in
            await handle(request)
        }
        // The router ignores a trailing slash: this also answers `/service/soap/`, Zimbra's spelling.
        router.post("/service/soap", use: handler)
    }

    func handle(_ request: Request) async -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBodySize)
        } catch {
            return faultResponse(
                ZimbraFault(code: .parseError, reason: "request body larger than \(maxBodySize) bytes"), session: nil)
        }
        return await respond(to: body.readableBytesView)
    }

    func respond(to bytes: some Collection<UInt8>) async -> Response {
        let request: RosterRequest
        let context: ZimbraRequestContext
        do {
            (request, context) = try RosterEnvelope.parseRequest(
                bytes, reader: XMLDocumentReader(maximumDocumentSize: maxBodySize))
        } catch {
            return faultResponse(ZimbraFault.unreadableRequest(error), session: nil)
        }
        var session: RosterSession?
        do {
            try await service.loadBlocklist()
            await service.expireIdleSessions()
            let response: RosterResponse
            if case .auth(let account, let password) = request {
                let (answer, loggedIn) = try await service.login(account: account, password: password, context: context)
                session = loggedIn
                loggedIn.request(acknowledged: context.acknowledgedSeq, now: service.clock.now())
                response = answer
            } else {
                let (user, token) = try await service.authenticate(context)
                let current = try await service.session(for: context, user: user, token: token)
                session = current
                current.request(acknowledged: context.acknowledgedSeq, now: service.clock.now())
                if case .noOp(true, let timeout) = request {
                    await current.wait(timeout: RosterController.waitDuration(timeout), clock: service.clock)
                }
                response = try await service.perform(request, user: user, session: current)
            }
            let answer = ZimbraResponseContext(
                session: session.map { ZimbraSession(id: $0.id) }, notifications: session?.respond() ?? [])
            return soapResponse(status: .ok, bytes: try RosterEnvelope.bytes(for: response, context: answer))
        } catch let fault as ZimbraFault {
            return faultResponse(fault, session: session)
        } catch {
            logger.error("zimbra request failed", metadata: ["error": "\(error)"])
            return faultResponse(ZimbraFault(code: .failure, reason: "internal server error"), session: session)
        }
    }

    static func waitDuration(_ timeout: Int64?) -> Duration {
        guard let timeout else { return maximumWait }
        return min(.milliseconds(timeout), maximumWait)
    }

    private func faultResponse(_ fault: ZimbraFault, session: RosterSession?) -> Response {
        let context = ZimbraResponseContext(
            session: session.map { ZimbraSession(id: $0.id) }, notifications: session?.respond() ?? [])
        do {
            return soapResponse(
                status: .internalServerError, bytes: try RosterEnvelope.bytes(for: fault, context: context))
        } catch {
            logger.error("cannot encode zimbra fault", metadata: ["error": "\(error)"])
            return Response(status: .internalServerError)
        }
    }

    private func soapResponse(status: HTTPResponse.Status, bytes: [UInt8]) -> Response {
        Response(
            status: status, headers: [.contentType: "application/soap+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
