import Foundation
import NatterCodecs
import NatterEngine
import NatterModel

/// Gateways (docs/protocols/gateways.md): the requests, their answers, and what a session next to Realtime still
/// reports of bridged contacts.
extension RosterSession {
    static func request(for command: GatewayCommand) -> RosterRequest {
        switch command {
        case .list: .gatewayList
        case .register(let service, let name, let password):
            .gatewayRegister(service: service, .register(name: name, password: password))
        case .unregister(let service): .gatewayRegister(service: service, .unregister)
        case .reconnect(let service): .gatewayRegister(service: service, .reconnect)
        }
    }

    static func gatewayEvents(for response: RosterResponse, now: Date) -> [EngineEvent] {
        switch response {
        case .gatewayList(let services):
            return [
                .gateways(
                    .services(
                        services.map { service in
                            GatewayStatus(
                                service: service.name, kind: service.type, domain: service.domain,
                                remoteName: service.registration?.name,
                                state: service.registration?.state.rawValue,
                                nextConnect: service.registration?.timeUntilNextConnect.map {
                                    now.addingTimeInterval(Double($0) / 1000)
                                })
                        }))
            ]
        case .gatewayRegister(false):
            return [.session(.notice(.warning("the gateway request changed nothing (not registered?)")))]
        default:
            return []
        }
    }

    /// A gateway address (`carol%natter.test@b`): a contact only this adapter can reach.
    static func isGatewayAddress(_ jid: JID) -> Bool { jid.local.contains("%") }

    /// Next to Realtime, chats, presence and the roster come from Realtime, except for bridged contacts, which
    /// only the Zimbra door knows: their events pass, the others are dropped.
    static func withoutChat(_ event: EngineEvent) -> EngineEvent? {
        switch event {
        case .roster(.loaded(let contacts)):
            return .roster(.loaded(contacts.filter { isGatewayAddress($0.jid) }))
        case .presence(.changed(let jid, _, _, _)):
            return isGatewayAddress(jid) ? event : nil
        case .chat(.received(let message)) where direct(message.conversation.target).map(isGatewayAddress) == true:
            return event
        case .chat(.typing(let conversation, _, _)) where direct(conversation.target).map(isGatewayAddress) == true:
            return event
        default:
            return isChatEvent(event) ? nil : event
        }
    }

    private static func direct(_ target: ConversationID.Target) -> JID? {
        if case .direct(let jid) = target { return jid }
        return nil
    }
}
