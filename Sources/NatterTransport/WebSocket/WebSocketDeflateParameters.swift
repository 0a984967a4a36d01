/// Negotiated permessage-deflate parameters (RFC 7692 §7.1).
public struct WebSocketDeflateParameters: Sendable, Equatable {
    public var serverNoContextTakeover = false
    public var clientNoContextTakeover = false
    public var serverMaxWindowBits = 15
    public var clientMaxWindowBits = 15

    public init(
        serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int = 15, clientMaxWindowBits: Int = 15
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }

    /// What we offer: default parameters, and we let the server shrink our window.
    public static let offer = "permessage-deflate; client_max_window_bits"

    /// Parses the server's `Sec-WebSocket-Extensions` values. Returns nil when the server accepted no
    /// extension; throws if it accepted something we did not offer or used parameters incorrectly,
    /// since continuing would mean misreading every compressed frame.
    public static func negotiated(fromResponse values: [String], offered: Bool) throws(WebSocketError) -> Self? {
        let extensions = values.flatMap { $0.split(separator: ",") }.map { $0.webSocketTrimmed() }.filter {
            !$0.isEmpty
        }
        guard !extensions.isEmpty else { return nil }
        guard offered else { throw .handshakeFailed("server accepted extensions we did not offer: \(values)") }
        guard extensions.count == 1 else { throw .handshakeFailed("server accepted several extensions: \(values)") }
        let parts = extensions[0].split(separator: ";", omittingEmptySubsequences: false).map { $0.webSocketTrimmed() }
        guard parts[0].lowercased() == "permessage-deflate" else {
            throw .handshakeFailed("server accepted unknown extension \(parts[0])")
        }
        var result = Self()
        var seen: Set<String> = []
        for part in parts.dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.webSocketTrimmed() }
            let name = pieces[0].lowercased()
            var value = pieces.count > 1 ? pieces[1] : nil
            if let quoted = value, quoted.count >= 2, quoted.hasPrefix("\""), quoted.hasSuffix("\"") {
                value = String(quoted.dropFirst().dropLast())
            }
            guard seen.insert(name).inserted else { throw .handshakeFailed("duplicate parameter \(name)") }
            switch name {
            case "server_no_context_takeover", "client_no_context_takeover":
                guard value == nil else { throw .handshakeFailed("\(name) takes no value") }
                if name == "server_no_context_takeover" {
                    result.serverNoContextTakeover = true
                } else {
                    result.clientNoContextTakeover = true
                }
            case "server_max_window_bits", "client_max_window_bits":
                guard let value, let bits = Int(value), (8...15).contains(bits), value.first != "0" else {
                    throw .handshakeFailed("\(name) needs a value from 8 to 15")
                }
                if name == "server_max_window_bits" {
                    result.serverMaxWindowBits = bits
                } else {
                    result.clientMaxWindowBits = bits
                }
            default:
                throw .handshakeFailed("unknown permessage-deflate parameter \(name)")
            }
        }
        return result
    }
}

extension StringProtocol {
    func webSocketTrimmed() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
