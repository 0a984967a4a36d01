/// How a contact on a gateway's remote server is addressed locally: the remote JID with its `@` written as
/// `%`, at the gateway service's name, as Zimbra's interop gateways did (`bob%natter.test@b-gateway`).
///
/// The service name is a host name of no real domain, so a gateway address can never name a local user,
/// and the thread of a 1:1 gateway chat is the address itself (docs/protocols/gateways.md).
struct GatewayAddress: Sendable, Hashable, CustomStringConvertible {
    let service: String
    /// The remote bare JID, `bob@natter.test`.
    let remoteJID: String

    init(service: String, remoteJID: String) {
        self.service = service
        self.remoteJID = remoteJID.lowercased()
    }

    /// Reads `local%domain@service`; `nil` for anything else.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let at = trimmed.lastIndex(of: "@") else { return nil }
        let local = trimmed[..<at]
        let service = String(trimmed[trimmed.index(after: at)...])
        guard let percent = local.lastIndex(of: "%"), !service.isEmpty else { return nil }
        let user = local[..<percent]
        let domain = local[local.index(after: percent)...]
        guard !user.isEmpty, !domain.isEmpty, !user.contains("@") else { return nil }
        self.init(service: service.lowercased(), remoteJID: "\(user)@\(domain)")
    }

    var description: String { remoteJID.replacingOccurrences(of: "@", with: "%") + "@" + service }
}
