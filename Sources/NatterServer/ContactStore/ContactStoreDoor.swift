import Hummingbird

/// The Unified Contact Store (MS-OXWSCOS, EWS SOAP): the buddy list's groups and contacts, edited on the
/// core's buddy list that every other door shows (docs/protocols/contactstore.md).
struct ContactStoreDoor: Door {
    let controller: ContactStoreController

    init(context: DoorContext) {
        controller = ContactStoreController(
            service: ContactStoreService(core: context.core), authenticator: context.authenticator,
            logger: context.logger)
    }

    func registerRoutes(on router: Router<NatterRequestContext>) {
        controller.register(on: router)
    }
}
