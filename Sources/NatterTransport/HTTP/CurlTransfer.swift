import CCurl

/// The state libcurl's callbacks write into during one transfer.
///
/// Used only on the thread running the transfer; callbacks reach it through an unmanaged pointer.
final class CurlTransfer {
    let limit: Int
    private(set) var body: [UInt8] = []
    private(set) var headers = HTTPHeaders()
    private(set) var exceededLimit = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Returns the number of bytes consumed; anything else makes libcurl abort with a write error.
    func receiveBody(_ data: UnsafePointer<CChar>, count: Int) -> Int {
        guard body.count + count <= limit else {
            exceededLimit = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
        return count
    }

    func receiveHeader(_ data: UnsafePointer<CChar>, count: Int) -> Int {
        let line = data.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            // A new status line starts a new header block (after 100 Continue, an auth challenge
            // or a redirect); only the final block belongs to the response.
            headers = HTTPHeaders()
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingWhitespace()
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            if !name.isEmpty { headers.add(name, value) }
        }
        return count
    }

    static let writeCallback: natter_curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.receiveBody(data, count: size * count)
    }

    static let headerCallback: natter_curl_data_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.receiveHeader(data, count: size * count)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
