import Foundation

/// Validates documents with `xmllint --nonet --schema messages.xsd`, independent of natter's own reader.
public enum XMLLint {
    public struct Result: Sendable {
        public var passed: Bool
        public var output: String
    }

    /// `../shared/schemas/ews` next to the repository, or `NATTER_EWS_SCHEMAS` when set.
    public static var schemaDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["NATTER_EWS_SCHEMAS"] {
            return URL(fileURLWithPath: override)
        }
        // Resolving symlinks finds the repository even when the tests are built from a linked checkout.
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/schemas/ews")
    }

    public static func validate(_ document: [UInt8]) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "natter-xmllint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("body.xml")
        try Data(document).write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "xmllint", "--nonet", "--noout", "--schema", schemaDirectory.appendingPathComponent("messages.xsd").path,
            file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilGone()
        return Result(passed: process.terminationStatus == 0, output: String(decoding: output, as: UTF8.self))
    }
}
