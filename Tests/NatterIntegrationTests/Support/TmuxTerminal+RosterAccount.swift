import Foundation

extension TmuxTerminal {
    /// `natter` signed in as `user` through an `[accounts.work]` that speaks Realtime and the Zimbra roster (what
    /// the thread, subscription and gateway tests drive), with its config and data under `home/user`.
    static func rosterAccount(
        _ user: String, serverURL: String, home: String, width: Int = 100
    ) throws -> TmuxTerminal {
        let config = "\(home)/\(user)/config"
        try FileManager.default.createDirectory(atPath: config + "/natter", withIntermediateDirectories: true)
        try """
        [accounts.work]
        server = "\(serverURL)"
        user = "\(user)@natter.test"
        protocols = ["realtime", "roster"]
        """.write(toFile: config + "/natter/config.toml", atomically: true, encoding: .utf8)
        return try TmuxTerminal(
            command: TestProcess.binary("natter"),
            environment: ["NATTER_PASSWORD": user, "XDG_DATA_HOME": "\(home)/\(user)/data", "XDG_CONFIG_HOME": config],
            width: width)
    }
}
