import NatterModel
import NatterProtocols
import TOMLKit

/// Reads an account's `status` table: texts for `/presence STATE` without one, language-neutral at the top and
/// per language in sub-tables.
///
/// ```toml
/// [accounts.work.status]
/// away = "Out to lunch"
/// [accounts.work.status.de]
/// away = "Beim Mittagessen"
/// ```
enum StatusTable {
    static func parse(
        _ value: (any TOMLValueConvertible)?, account: String
    ) throws(AccountConfigurationProblem)
        -> RosterStatusTexts
    {
        guard let value else { return RosterStatusTexts() }
        let expected = "a table of presence = \"text\", with [accounts.\(account).status.LANG] tables"
        guard let table = value.table else {
            throw AccountConfigurationProblem.wrongType("status", in: account, expected: expected)
        }
        var texts: [String: [Presence: String]] = [:]
        for key in table.keys {
            if let language = table[key]?.table {
                for name in language.keys {
                    texts[key, default: [:]][try presence(name, account: account)] = try text(
                        language[name], key: "status.\(key).\(name)", account: account)
                }
            } else {
                texts["", default: [:]][try presence(key, account: account)] = try text(
                    table[key], key: "status.\(key)", account: account)
            }
        }
        return RosterStatusTexts(texts)
    }

    private static func presence(_ name: String, account: String) throws(AccountConfigurationProblem) -> Presence {
        guard let presence = Presence(userInput: name) else {
            throw AccountConfigurationProblem.unknownKey("status.\(name)", in: account)
        }
        return presence
    }

    private static func text(
        _ value: (any TOMLValueConvertible)?, key: String, account: String
    ) throws(AccountConfigurationProblem) -> String {
        guard let text = value?.string else {
            throw AccountConfigurationProblem.wrongType(key, in: account, expected: "a string")
        }
        return text
    }
}
