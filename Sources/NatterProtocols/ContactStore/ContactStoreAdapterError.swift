/// Why the contact store adapter could not do something; shown in the status bar.
public struct ContactStoreAdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case unknownGroup(String)
        case unknownContact(String)
        case unsupported(String)
        case server(code: String, text: String?)
        case transport(String)
    }

    private let kind: Kind

    static func unknownGroup(_ name: String) -> Self { .init(kind: .unknownGroup(name)) }
    static func unknownContact(_ jid: String) -> Self { .init(kind: .unknownContact(jid)) }
    static func unsupported(_ what: String) -> Self { .init(kind: .unsupported(what)) }
    static func server(code: String, text: String?) -> Self { .init(kind: .server(code: code, text: text)) }
    static func transport(_ text: String) -> Self { .init(kind: .transport(text)) }

    /// Whether the failure is the link's (retry later) rather than the request's.
    public var isTransport: Bool {
        if case .transport = kind { true } else { false }
    }

    public var description: String {
        switch kind {
        case .unknownGroup(let name): "no group named '\(name)'"
        case .unknownContact(let jid): "\(jid) is not on the contact list"
        case .unsupported(let what): what
        case .server(let code, let text): text.map { "\($0) (\(code))" } ?? code
        case .transport(let text): text
        }
    }
}
