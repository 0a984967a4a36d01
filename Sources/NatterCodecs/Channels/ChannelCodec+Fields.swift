import Foundation
import NatterWire

extension ChannelCodec {
    /// Typed access to a decoded object's fields, failing with the field name, the message `id` and the sender.
    struct Fields {
        let object: [String: JSONValue]
        let id: String?
        let sender: ChannelCodecError.Sender

        init(_ object: [String: JSONValue], sender: ChannelCodecError.Sender) throws(ChannelCodecError) {
            self.object = object
            self.sender = sender
            // Ids are strings or numbers (RFC 7159 numbers, as the seed's note 2 allows); numbers become strings.
            guard let id = Fields.identifier(object["id"]) else { throw .invalidField("id", id: nil, sender) }
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

        func missing(_ key: String) -> ChannelCodecError { .missingField(key, id: id, sender) }
        func invalid(_ key: String) -> ChannelCodecError { .invalidField(key, id: id, sender) }

        func string(_ key: String) throws(ChannelCodecError) -> String {
            guard let value = try optionalString(key) else { throw missing(key) }
            return value
        }

        func optionalString(_ key: String) throws(ChannelCodecError) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw invalid(key)
            }
        }

        /// Like `optionalString` but also accepts integers, for fields that echo ids.
        func optionalID(_ key: String) throws(ChannelCodecError) -> String? {
            guard let value = Fields.identifier(object[key]) else { throw invalid(key) }
            return value
        }

        func bool(_ key: String) throws(ChannelCodecError) -> Bool {
            guard let value = try optionalBool(key) else { throw missing(key) }
            return value
        }

        func optionalBool(_ key: String) throws(ChannelCodecError) -> Bool? {
            switch object[key] {
            case nil, .null?: return nil
            case .bool(let flag)?: return flag
            default: throw invalid(key)
            }
        }

        func int(_ key: String) throws(ChannelCodecError) -> Int {
            switch object[key] {
            case nil, .null?: throw missing(key)
            case .integer(let number)?: return number
            default: throw invalid(key)
            }
        }

        func optionalObject(_ key: String) throws(ChannelCodecError) -> [String: JSONValue]? {
            switch object[key] {
            case nil, .null?: return nil
            case .object(let members)?: return members
            default: throw invalid(key)
            }
        }

        /// The elements of an array of objects, each read with its own `Fields` that reports errors as `key`.
        func objects(_ key: String) throws(ChannelCodecError) -> [Fields] {
            guard case .array(let values)? = object[key] else {
                throw object[key] == nil ? missing(key) : invalid(key)
            }
            var result: [Fields] = []
            for value in values {
                guard case .object(let members) = value else { throw invalid(key) }
                result.append(Fields(members: members, id: id, sender: sender))
            }
            return result
        }

        private init(members: [String: JSONValue], id: String?, sender: ChannelCodecError.Sender) {
            self.object = members
            self.id = id
            self.sender = sender
        }

        func enumeration<Value: RawRepresentable>(
            _ key: String, as type: Value.Type
        ) throws(ChannelCodecError)
            -> Value where Value.RawValue == String
        {
            guard let value = Value(rawValue: try string(key)) else { throw invalid(key) }
            return value
        }

        func optionalEnumeration<Value: RawRepresentable>(
            _ key: String, as type: Value.Type
        ) throws(ChannelCodecError) -> Value? where Value.RawValue == String {
            guard let raw = try optionalString(key) else { return nil }
            guard let value = Value(rawValue: raw) else { throw invalid(key) }
            return value
        }

        /// An ISO-8601 UTC timestamp such as `2019-06-07T09:42:52Z`, with or without fractional seconds.
        func time(_ key: String) throws(ChannelCodecError) -> Date {
            guard let date = ChannelTime.parse(try string(key)) else { throw invalid(key) }
            return date
        }

        func optionalTime(_ key: String) throws(ChannelCodecError) -> Date? {
            guard object[key] != nil, object[key] != .null else { return nil }
            return try time(key)
        }
    }
}
