import Hummingbird
import HummingbirdAuth

/// The request context of natterd's HTTP routes: hummingbird-auth's, carrying the authenticated user.
typealias NatterRequestContext = BasicAuthRequestContext<StoredUser>

/// hummingbird-auth middleware that logs a request in with HTTP Basic credentials.
struct BasicPasswordAuthenticator<Context: AuthRequestContext<StoredUser>>: AuthenticatorMiddleware {
    typealias Identity = StoredUser
    let authenticator: Authenticator

    func authenticate(request: Request, context: Context) async throws -> StoredUser? {
        try await authenticator.authenticate(basic: request.headers)
    }
}

/// hummingbird-auth middleware that logs a request in with a login session id as its bearer token.
struct BearerSessionAuthenticator<Context: AuthRequestContext<StoredUser>>: AuthenticatorMiddleware {
    typealias Identity = StoredUser
    let authenticator: Authenticator

    func authenticate(request: Request, context: Context) async throws -> StoredUser? {
        try await authenticator.authenticate(bearer: request.headers)
    }
}
