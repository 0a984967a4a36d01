import NatterWire

extension RealtimeCodec {
    /// Typed access to a decoded object's properties, failing with the property name and the message `id`.
    struct Fields {
        let object: [String: JSONValue]
        let id: String?

        init(_ object: [String: JSONValue]) throws(RealtimeCodecError) {
            self.object = object
            // The seed allows "a unique string or incrementing number" as id; anything else is an error.
            guard let id = Fields.identifier(object["id"]) else { throw .invalidField("id", id: nil) }
            self.id = id
        }

        /// `nil` for a present but unusable id; `.some(nil)` when absent.
        private static func identifier(_ value: JSONValue?) -> String?? {
            switch value {
            case nil, .null?: .some(nil)
            case .string(let text)?: .some(text)
            case .integer(let number)?: .some(String(number))
            default: nil
            }
        }

        func string(_ key: String) throws(RealtimeCodecError) -> String {
            guard let value = try optionalString(key) else { throw .missingField(key, id: id) }
            return value
        }

        func optionalString(_ key: String) throws(RealtimeCodecError) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw .invalidField(key, id: id)
            }
        }

        /// Like `optionalString` but also accepts integers, for properties that echo ids.
        func optionalID(_ key: String) throws(RealtimeCodecError) -> String? {
            guard let value = Fields.identifier(object[key]) else { throw .invalidField(key, id: id) }
            return value
        }

        func optionalInt(_ key: String) throws(RealtimeCodecError) -> Int? {
            switch object[key] {
            case nil, .null?: return nil
            case .integer(let number)?: return number
            default: throw .invalidField(key, id: id)
            }
        }

        func optionalObject(_ key: String) throws(RealtimeCodecError) -> [String: JSONValue]? {
            switch object[key] {
            case nil, .null?: return nil
            case .object(let members)?: return members
            default: throw .invalidField(key, id: id)
            }
        }
    }
}
