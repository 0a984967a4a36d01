/// A response that is well-formed XML but not a usable SOAP envelope.
///
/// A SOAP *fault* is not a `SOAPError`: it is a proper answer from the peer and is thrown as
/// ``SOAPFault`` so adapters can inspect its code and detail.
public struct SOAPError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable {
        case notAnEnvelope(name: String, namespace: String?)
        case missingBody
        case bodyElementCount(Int)
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    static func notAnEnvelope(_ root: XMLElement) -> SOAPError {
        SOAPError(.notAnEnvelope(name: root.name, namespace: root.namespace))
    }

    static let missingBody = SOAPError(.missingBody)

    static func bodyElementCount(_ count: Int) -> SOAPError {
        SOAPError(.bodyElementCount(count))
    }

    public var description: String {
        switch base {
        case .notAnEnvelope(let name, let namespace):
            let qualified = namespace.map { "{\($0)}\(name)" } ?? name
            return "expected a SOAP 1.1 or 1.2 Envelope, found root element \(qualified)"
        case .missingBody:
            return "SOAP envelope has no Body"
        case .bodyElementCount(let count):
            return "SOAP Body holds \(count) elements; expected exactly one"
        }
    }
}
