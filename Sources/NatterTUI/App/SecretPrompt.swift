import NatterEngine
import NatterModel

/// A question the input line asks without echoing the answer (a password). While it is open, keys go to a
/// line of its own, drawn as the question alone; Enter hands the answer to the intent, Esc drops it.
public enum SecretPrompt: Sendable, Equatable {
    /// `/gateway reg SERVICE NAME`: the remote account's password.
    case gatewayPassword(service: String, name: String, account: AccountID)

    var label: String {
        switch self {
        case .gatewayPassword(let service, let name, _): "password for \(name) at gateway \(service) (Esc cancels): "
        }
    }

    func intent(answer: String) -> Intent {
        switch self {
        case .gatewayPassword(let service, let name, let account):
            .gateways(.register(service: service, name: name, password: answer, account: account))
        }
    }
}

extension InterfaceState {
    /// Feeds a key to the open prompt; `nil` when there is none.
    mutating func secretKey(_ key: Key) -> [AppAction]? {
        guard let prompt = secretPrompt else { return nil }
        if key == .escape {
            secretPrompt = nil
            secret = LineEditor()
            return [.dispatch(.notice(.info("cancelled")))]
        }
        switch secret.handle(key) {
        case .submit(let answer):
            secretPrompt = nil
            secret = LineEditor()
            return answer.isEmpty
                ? [.dispatch(.notice(.info("cancelled: no password given")))]
                : [
                    .dispatch(prompt.intent(answer: answer))
                ]
        case .edited, .ignored:
            return []
        }
    }
}
