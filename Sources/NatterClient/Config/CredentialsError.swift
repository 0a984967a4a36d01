/// The password could not be obtained; says which source failed and why.
public struct CredentialsError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
