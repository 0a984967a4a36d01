import NatterModel

/// The spelling of each protocol in config.toml's `protocols = [...]` and in `/accounts`.
enum ProtocolNames {
    static let all = ProtocolKind.allCases.map(\.rawValue)

    static func parse(_ name: String) -> ProtocolKind? {
        ProtocolKind(rawValue: name.lowercased())
    }
}
