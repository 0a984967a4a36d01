import Crypto
import Foundation

/// Seals gateway passwords with AES-GCM under the server's gateway key, so the database alone never gives
/// a remote password away. The key lives in a file beside the database (created `0600` on first use); a
/// server with a temporary database keeps a key in memory only, since its registrations die with it.
struct GatewaySecretBox: Sendable {
    struct Error: Swift.Error, CustomStringConvertible {
        private enum Kind {
            case unreadableKey(String)
            case unsealable
        }

        private let kind: Kind

        static func unreadableKey(_ path: String) -> Self { Self(kind: .unreadableKey(path)) }
        static let unsealable = Self(kind: .unsealable)

        var description: String {
            switch kind {
            case .unreadableKey(let path): "the gateway key \(path) is not a 32-byte key"
            case .unsealable: "a stored gateway password cannot be opened with this server's key"
            }
        }
    }

    private let key: SymmetricKey

    init(key: SymmetricKey) { self.key = key }

    /// The key at `path`, made if the file does not exist yet.
    static func loadingKey(at path: String) throws -> GatewaySecretBox {
        let url = URL(fileURLWithPath: path)
        if let data = try? Data(contentsOf: url) {
            guard data.count == 32 else { throw Error.unreadableKey(path) }
            return GatewaySecretBox(key: SymmetricKey(data: data))
        }
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw Error.unreadableKey(path) }
        return GatewaySecretBox(key: key)
    }

    func seal(_ password: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(password.utf8), using: key).combined else {
            throw Error.unsealable
        }
        return combined
    }

    func open(_ sealed: Data) throws -> String {
        do {
            let data = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key)
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw Error.unsealable
        }
    }
}
