/// A session could not be set up or a scripted wait failed; the text is shown to the user as is.
public struct SessionError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
