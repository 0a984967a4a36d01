import NatterModel
import TOMLKit

/// Reads `[accounts.NAME]` tables. Each entry stands alone: a mistake in one becomes a problem naming that
/// account and key, and the rest are still returned so they can start.
enum AccountTable {
    static let knownKeys: Set<String> = [
        "server", "user", "password_command", "protocols", "resource", "ca_file", "enabled", "status",
    ]

    static func parse(_ table: TOMLTable) -> (accounts: [AccountSettings], problems: [AccountConfigurationProblem]) {
        var accounts: [AccountSettings] = []
        var problems: [AccountConfigurationProblem] = []
        for name in table.keys.sorted() {
            guard let entry = table[name]?.table else {
                problems.append(.notATable(name))
                continue
            }
            switch parseAccount(named: name, entry) {
            case .success(let account): accounts.append(account)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (accounts, problems)
    }

    private static func parseAccount(
        named name: String, _ entry: TOMLTable
    ) -> Result<AccountSettings, AccountConfigurationProblem> {
        do throws(AccountConfigurationProblem) {
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
                throw AccountConfigurationProblem.badName(name)
            }
            if entry.contains(key: "password") { throw AccountConfigurationProblem.plaintextPassword(in: name) }
            if let unknown = entry.keys.sorted().first(where: { !knownKeys.contains($0) }) {
                throw AccountConfigurationProblem.unknownKey(unknown, in: name)
            }
            let reader = EntryReader(account: name, entry: entry)
            guard let user = try reader.string("user"), !user.isEmpty else {
                throw AccountConfigurationProblem.missing("user", in: name)
            }
            let protocols = try reader.protocols() ?? ProtocolKind.allCases
            // Every protocol natter speaks today is a natterd door reached from the base URL.
            guard let server = try reader.string("server"), !server.isEmpty else {
                throw AccountConfigurationProblem.missing("server", in: name)
            }
            return .success(
                AccountSettings(
                    id: AccountID(name), protocols: protocols, server: server, user: user,
                    passwordCommand: try reader.string("password_command"), resource: try reader.string("resource"),
                    caFile: try reader.string("ca_file"), enabled: try reader.bool("enabled") ?? true,
                    statusTexts: try StatusTable.parse(entry["status"], account: name)))
        } catch {
            return .failure(error)
        }
    }
}

/// Typed reads from one account's table, each failure naming its key.
private struct EntryReader {
    let account: String
    let entry: TOMLTable

    func string(_ key: String) throws(AccountConfigurationProblem) -> String? {
        guard let value = entry[key] else { return nil }
        guard let string = value.string else {
            throw AccountConfigurationProblem.wrongType(key, in: account, expected: "a string")
        }
        return string
    }

    func bool(_ key: String) throws(AccountConfigurationProblem) -> Bool? {
        guard let value = entry[key] else { return nil }
        guard let bool = value.bool else {
            throw AccountConfigurationProblem.wrongType(key, in: account, expected: "true or false")
        }
        return bool
    }

    func protocols() throws(AccountConfigurationProblem) -> [ProtocolKind]? {
        guard let value = entry["protocols"] else { return nil }
        guard let array = value.array else {
            throw AccountConfigurationProblem.wrongType(
                "protocols", in: account, expected: "a list such as [\"realtime\"]")
        }
        var kinds: [ProtocolKind] = []
        for element in array {
            guard let name = element.string else {
                throw AccountConfigurationProblem.wrongType("protocols", in: account, expected: "a list of names")
            }
            guard let kind = ProtocolNames.parse(name) else {
                throw AccountConfigurationProblem.unknownProtocol(name, in: account)
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard !kinds.isEmpty else {
            throw AccountConfigurationProblem.wrongType("protocols", in: account, expected: "a non-empty list")
        }
        return kinds
    }
}
