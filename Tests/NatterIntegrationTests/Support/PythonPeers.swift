import Foundation

/// A virtualenv with the independent Python clients the tests talk to (Tests/Peers/requirements.txt).
///
/// Made on first use under `.build/python-peers`, so `swift test` needs nothing beyond python3-venv and PyPI;
/// `.ci/run` makes it up front. A lock file keeps parallel test processes from building it twice.
enum PythonPeers {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let peersDirectory = repository + "/Tests/Peers"
    static let environment = repository + "/.build/python-peers"

    static func python() throws -> String {
        let python = environment + "/bin/python3"
        let ready = environment + "/.natter-ready"
        try FileManager.default.createDirectory(
            atPath: repository + "/.build", withIntermediateDirectories: true)
        let lock = open(repository + "/.build/python-peers.lock", O_CREAT | O_RDWR, 0o644)
        guard lock >= 0 else { throw NatterdError(description: "cannot open the python-peers lock") }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        // The marker holds the requirements it was made from, so a peer added later is installed too.
        let requirements = try String(contentsOfFile: peersDirectory + "/requirements.txt", encoding: .utf8)
        if (try? String(contentsOfFile: ready, encoding: .utf8)) == requirements { return python }
        let create = try TestProcess.run("/usr/bin/env", ["python3", "-m", "venv", environment], timeout: 120)
        guard create.status == 0 else {
            throw NatterdError(description: "python3 -m venv failed (install python3-venv): \(create.stderr)")
        }
        let install = try TestProcess.run(
            environment + "/bin/pip", ["install", "-q", "-r", peersDirectory + "/requirements.txt"], timeout: 300)
        guard install.status == 0 else {
            throw NatterdError(description: "pip install of the test peers failed: \(install.stderr)")
        }
        try Data(requirements.utf8).write(to: URL(fileURLWithPath: ready))
        return python
    }
}
