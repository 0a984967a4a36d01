import NIOSSL

/// The TLS a gateway speaks to an `https` remote, for its login and for its `wss://` WebSocket alike: the
/// peer's certificate is always verified (chain and host name) against the system's trust store, plus the
/// certificate authorities of `natterd --gateway-ca FILE` for remotes under a private CA. There is no way to
/// turn verification off: the bridge sends the remote account's password over this connection.
public struct GatewayTLS: Sendable {
    let configuration: TLSConfiguration
    /// Built once: the login makes a connection per attempt and a context is costly to make.
    let context: NIOSSLContext

    /// Reads the extra certificate authorities (PEM) at `certificateAuthorityFile`, if any.
    public init(certificateAuthorityFile: String?) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let certificateAuthorityFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(certificateAuthorityFile)
            } catch {
                throw GatewayTLSError.unreadable(certificateAuthorityFile, "\(error)")
            }
            guard !certificates.isEmpty else { throw GatewayTLSError.unreadable(certificateAuthorityFile, "no PEM") }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        self.configuration = configuration
        context = try NIOSSLContext(configuration: configuration)
    }

    /// What a failed connection says about TLS, for the log; `nil` when it did not fail in TLS.
    static func reason(_ error: any Error) -> String? {
        switch error {
        case let error as NIOSSLError: "TLS failed (\(error)); is the remote's certificate authority trusted?"
        case let error as NIOSSLExtraError: "TLS failed (\(error))"
        case let error as BoringSSLError: "TLS failed (\(error))"
        default: nil
        }
    }
}

/// A `--gateway-ca` file natterd cannot use.
struct GatewayTLSError: Error, CustomStringConvertible {
    private enum Kind {
        case unreadable(path: String, reason: String)
    }

    private let kind: Kind

    static func unreadable(_ path: String, _ reason: String) -> Self {
        Self(kind: .unreadable(path: path, reason: reason))
    }

    var description: String {
        switch kind {
        case .unreadable(let path, let reason): "cannot read certificate authorities from \(path): \(reason)"
        }
    }
}
