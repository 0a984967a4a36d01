import Foundation

/// One `--gateway NAME=URL`.
public struct GatewayServiceConfiguration: Sendable, Hashable {
    public var name: String
    /// The remote server's base URL, `http://host:port` or `https://host:port`.
    public var url: String

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    /// Reads `NAME=URL`, saying what is wrong with it.
    ///
    /// An `https` URL needs a host name, not an IP address: the certificate is checked against the name, and
    /// TLS server name indication (which the realtime WebSocket client always sends) cannot carry an address.
    public init(parsing argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else { throw GatewayConfigurationError.notNameEqualsURL }
        let name = argument[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        var url = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        let validName =
            !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard validName else { throw GatewayConfigurationError.badName(name) }
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme),
            let host = parsed.host, !host.isEmpty
        else { throw GatewayConfigurationError.badURL(url) }
        if scheme == "https" && Self.isAddress(host) { throw GatewayConfigurationError.addressWithTLS(host) }
        self.init(name: name, url: url)
    }

    /// Reads `NAME=URL`; `nil` when `init(parsing:)` would throw.
    public init?(argument: String) {
        guard let parsed = try? Self(parsing: argument) else { return nil }
        self = parsed
    }

    var usesTLS: Bool { url.hasPrefix("https://") }

    static func isAddress(_ host: String) -> Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }
}

/// Why a `--gateway` argument was refused.
public struct GatewayConfigurationError: Error, CustomStringConvertible {
    private enum Kind {
        case notNameEqualsURL
        case badName(String)
        case badURL(String)
        case addressWithTLS(String)
    }

    private let kind: Kind

    static let notNameEqualsURL = Self(kind: .notNameEqualsURL)
    static func badName(_ name: String) -> Self { Self(kind: .badName(name)) }
    static func badURL(_ url: String) -> Self { Self(kind: .badURL(url)) }
    static func addressWithTLS(_ host: String) -> Self { Self(kind: .addressWithTLS(host)) }

    public var description: String {
        switch kind {
        case .notNameEqualsURL: "expected NAME=URL"
        case .badName(let name): "\(name.isEmpty ? "an empty name" : name) is no host-name-like label"
        case .badURL(let url): "\(url) is no http://HOST[:PORT] or https://HOST[:PORT] URL"
        case .addressWithTLS(let host):
            "an https gateway needs the host name its certificate names, not the address \(host)"
        }
    }
}
