import HTTPTypes
import Hummingbird
import NatterCodecs
import NatterWire
import ServiceLifecycle

/// The Conference protocol (Communicator Web Access AJAX): commands are `POST`s of `<cwaRequests>`, events a
/// long-polled `GET`. Credentials come in the logon document, so no route carries HTTP authentication.
struct ConferenceDoor: Door {
    static let commandPath: RouterPath = "/cwa/MainCommandHandler.ashx"
    static let eventPath: RouterPath = "/cwa/AsyncDataChannel.ashx"
    static let ticketHeader = HTTPField.Name("CWA-Ticket")!
    /// Commands are small; a larger body is refused before it is parsed.
    static let maxBodySize = 256 * 1024

    let service: CWAService

    init(context: DoorContext) {
        service = CWAService(
            core: context.core, authenticator: context.authenticator, sessions: CWASessions(),
            encoder: CWAEventEncoder(domain: context.configuration.domain), policy: .init(), pollWait: .seconds(3),
            logCapacity: 10_000, logger: context.logger, ids: ConferenceIDs(pool: context.storage.pool))
    }

    var migrations: [StorageMigration] { ConferenceIDs.migrations }

    func registerRoutes(on router: Router<NatterRequestContext>) {
        router.post(Self.commandPath) { [service] request, _ -> Response in
            let ticket = request.headers[Self.ticketHeader]
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: Self.maxBodySize)
            } catch {
                let refusal = CWAError(
                    rid: nil, code: "requestTooLarge", reason: "the request is larger than \(Self.maxBodySize) bytes")
                return Self.response(.refusal(413, refusal))
            }
            let document: CWARequests
            do throws(CWACodecError) {
                document = try CWARequests(
                    bytes: body.readableBytesView, reader: XMLDocumentReader(maximumDocumentSize: Self.maxBodySize))
            } catch {
                return Self.response(CWAReply(status: 400, body: .responses(error.errorResponses())))
            }
            return Self.response(await service.command(document, ticket: ticket))
        }
        router.get(Self.eventPath) { [service] request, _ -> Response in
            let query = request.uri.queryParameters
            return Self.response(
                await service.poll(
                    sid: query.get("Sid") ?? query.get("sid"), ackId: query.get("AckId") ?? query.get("ackId"),
                    ticket: request.headers[Self.ticketHeader]))
        }
    }

    var services: [any Service] { [CWASweeper(service: service)] }

    static func response(_ reply: CWAReply) -> Response {
        var headers: HTTPFields = [.contentType: "text/xml; charset=utf-8"]
        if let ticket = reply.ticket { headers[Self.ticketHeader] = ticket }
        let bytes: [UInt8]
        do {
            switch reply.body {
            case .responses(let responses): bytes = try responses.serialized()
            case .events(let events): bytes = try events.serialized()
            }
        } catch {
            return Response(status: .internalServerError)
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Ends CWA sessions that stopped polling, on the server's clock.
struct CWASweeper: Service {
    let service: CWAService

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await service.clock.sleep(for: .seconds(15))
                await service.sweep()
            }
        }
    }
}
