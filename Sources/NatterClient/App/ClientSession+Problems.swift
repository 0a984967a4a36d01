import Foundation
import NatterEngine

extension ClientSession {
    /// Broken `[accounts.NAME]` entries go to the console and, for scripts, to standard error: the other accounts
    /// have started, and the person fixing config.toml needs the account and the key.
    func report(_ problems: [AccountConfigurationProblem]) {
        for problem in problems {
            engine.dispatch(.notice(.error("config.toml: \(problem)").at(Date())))
            FileHandle.standardError.write(Data("natter: config.toml: \(problem)\n".utf8))
        }
    }
}
