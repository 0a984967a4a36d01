import NatterWire

/// `read_marker` (Natter extension): the newest message of a conversation the user has read.
///
/// From a client it moves the user's marker forward; from the server it tells the user's other connections that
/// the marker moved. `with` names the conversation as `history` does: the other user's or the room's bare JID.
public struct RealtimeReadMarker: Sendable, Equatable {
    public var id: String?
    public var with: String
    public var key: String

    public init(id: String? = nil, with: String, key: String) {
        self.id = id
        self.with = with
        self.key = key
    }
}

extension RealtimeCodec {
    /// `read_markers` ack: `{"markers":[{"key":…,"with":…}]}`.
    public static func response(_ markers: [RealtimeReadMarker]) -> [String: JSONValue] {
        ["markers": .array(markers.map { .object(["with": .string($0.with), "key": .string($0.key)]) })]
    }

    public static func readMarkers(
        from response: [String: JSONValue]?
    ) throws(RealtimeCodecError)
        -> [RealtimeReadMarker]
    {
        guard let items = response?["markers"]?.arrayValue else { throw .missingField("markers", id: nil) }
        var markers: [RealtimeReadMarker] = []
        for item in items {
            guard let object = item.objectValue, let with = object["with"]?.stringValue,
                let key = object["key"]?.stringValue
            else { throw .invalidField("markers", id: nil) }
            markers.append(RealtimeReadMarker(with: with, key: key))
        }
        return markers
    }
}
