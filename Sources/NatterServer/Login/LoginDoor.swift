import Hummingbird

/// The Ryver login (`User.Login` with HTTP Basic): it starts the login session that the Realtime `auth`
/// message and, later, the Channels bearer token present. Its own door because several protocols use it.
struct LoginDoor: Door {
    let controller: LoginController

    init(context: DoorContext) {
        controller = LoginController(
            authenticator: context.authenticator, secure: context.configuration.usesTLS,
            boundAuthority: context.boundAuthority, logger: context.logger)
    }

    func registerRoutes(on router: Router<NatterRequestContext>) {
        controller.register(on: router)
    }
}
