import Foundation
import NatterEngine
import NatterModel

/// The buddy list's groups and contacts: `/group …` and `/contact …` (edited through the account's contact
/// store adapter). Removals ask for confirmation: they run only when the line ends in `--yes`.
extension CommandParser {
    static let groupCommands: [CommandEntry] = [
        CommandEntry(
            ["group", "groups"],
            help:
                "/group add NAME | rename OLD NEW | remove NAME | dg ADDRESS [NAME] | dg-remove NAME   roster groups"
        ) { parser, input, state in parser.group(input.arguments, state: state) },
        CommandEntry(
            ["contact"],
            help:
                "/contact add ADDRESS GROUP [NAME] | remove NAME | group NAME GROUP | ungroup NAME GROUP | move NAME FROM TO"
        ) { parser, input, state in parser.contact(input.arguments, state: state) },
    ]

    static let groupUsage = """
        usage: /group add NAME | /group rename OLD NEW | /group remove NAME --yes | \
        /group dg ADDRESS [NAME] | /group dg-remove NAME --yes
        """

    static let contactUsage = """
        usage: /contact add ADDRESS GROUP [DISPLAY NAME] | /contact remove NAME --yes | \
        /contact group NAME GROUP | /contact ungroup NAME GROUP | /contact move NAME FROM TO
        """

    /// The subcommands Tab completes, and which of their arguments are group names.
    static let groupArgumentPositions: [String: Set<Int>] = [
        "/group rename": [2], "/group remove": [2], "/group dg-remove": [2], "/contact add": [3],
        "/contact group": [3], "/contact ungroup": [3], "/contact move": [3, 4],
    ]

    func group(_ arguments: [String], state: ClientState) -> [AppAction] {
        let (words, confirmed) = Self.confirmation(arguments)
        let account = state.currentAccount
        switch (words.first?.lowercased(), words.count) {
        case ("add", 2...):
            return [.dispatch(.groups(.create(Self.joined(words, from: 1), account: account)))]
        case ("rename", 3...):
            guard let (old, new) = Self.renaming(Array(words.dropFirst()), state: state) else {
                let hint = #"quote names with spaces: /group rename "OLD NAME" "NEW NAME""#
                return [Self.error("no group named \(words[1]); \(hint)")]
            }
            return [.dispatch(.groups(.rename(from: old, to: new, account: account)))]
        case ("remove", 2...), ("dg-remove", 2...):
            let name = Self.joined(words, from: 1)
            guard let group = Self.groupName(name, state: state) else { return [Self.error("no group named \(name)")] }
            guard confirmed else {
                let members = state.contacts.values.filter { $0.groups.contains(group) }
                let alone = members.filter { $0.groups.count == 1 }.map(\.displayName).sorted()
                var warning = "/group remove \(group): removes the group"
                if words[0].lowercased() == "remove", !alone.isEmpty {
                    warning += " and the contacts in it alone (\(alone.joined(separator: ", ")))"
                }
                return [.dispatch(.notice(.warning(warning + "; repeat with --yes to confirm")))]
            }
            return [.dispatch(.groups(.delete(group, account: account)))]
        case ("dg", 2...):
            let address = words[1].contains("@") ? words[1] : "\(words[1])@\(Self.domain(state))"
            let name = words.count > 2 ? Self.joined(words, from: 2) : String(address.prefix { $0 != "@" })
            return [.dispatch(.groups(.addDistribution(address: address, name: name, account: account)))]
        default:
            return [Self.error(Self.groupUsage)]
        }
    }

    func contact(_ arguments: [String], state: ClientState) -> [AppAction] {
        let (words, confirmed) = Self.confirmation(arguments)
        guard words.count >= 2, let jid = Self.resolveContact(words[1], state: state) else {
            return [Self.error(Self.contactUsage)]
        }
        let account = state.contacts[jid]?.preferredAccount ?? state.currentAccount
        let current = state.contacts[jid]?.groups ?? []
        switch (words[0].lowercased(), words.count) {
        case ("add", 3...):
            let group = Self.groupName(words[2], state: state) ?? words[2]
            let name = words.count > 3 ? Self.joined(words, from: 3) : nil
            return [.dispatch(.roster(.add(jid, name: name, groups: [group], account: state.currentAccount)))]
        case ("remove", 2):
            guard confirmed else {
                let who = state.contacts[jid]?.displayName ?? jid.bareString
                return [
                    .dispatch(
                        .notice(
                            .warning(
                                "/contact remove \(who): removes it from every group; repeat with --yes to confirm")))
                ]
            }
            return [.dispatch(.roster(.remove(jid, account: account)))]
        case ("group", 3):
            let group = Self.groupName(words[2], state: state) ?? words[2]
            return [.dispatch(.groups(.assign(jid, groups: current + [group], account: account)))]
        case ("ungroup", 3):
            guard let group = Self.groupName(words[2], state: state), current.contains(group) else {
                return [Self.error("\(words[1]) is not in a group named \(words[2])")]
            }
            return [.dispatch(.groups(.assign(jid, groups: current.filter { $0 != group }, account: account)))]
        case ("move", 4):
            guard let from = Self.groupName(words[2], state: state), current.contains(from) else {
                return [Self.error("\(words[1]) is not in a group named \(words[2])")]
            }
            let to = Self.groupName(words[3], state: state) ?? words[3]
            return [.dispatch(.groups(.assign(jid, groups: current.filter { $0 != from } + [to], account: account)))]
        default:
            return [Self.error(Self.contactUsage)]
        }
    }

    /// The old and the new name of `/group rename`. Unquoted names with spaces are split where the words before
    /// the split name a known group, the longest such name first (`/group rename Old Friends Best Friends`).
    static func renaming(_ words: [String], state: ClientState) -> (old: String, new: String)? {
        for split in stride(from: words.count - 1, through: 1, by: -1) {
            if let old = groupName(joined(words[..<split]), state: state) {
                return (old, joined(words[split...]))
            }
        }
        return nil
    }

    /// The group as the roster spells it, matched case-insensitively.
    static func groupName(_ name: String, state: ClientState) -> String? {
        knownGroups(state).first { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Groups listed by an account (empty ones too) or holding a contact.
    static func knownGroups(_ state: ClientState) -> [String] { state.groupNames }

    private static func confirmation(_ arguments: [String]) -> (words: [String], confirmed: Bool) {
        let confirmed = arguments.contains("--yes")
        return (arguments.filter { $0 != "--yes" }, confirmed)
    }

    private static func joined(_ words: [String], from index: Int) -> String {
        joined(words[index...])
    }

    private static func joined(_ words: ArraySlice<String>) -> String { words.joined(separator: " ") }
}
