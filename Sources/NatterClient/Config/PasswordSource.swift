import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the password comes from, in the order DESIGN.md promises: a command, the environment, then a prompt.
public enum PasswordSource {
    public static func resolve(
        command: String?, environment: [String: String] = ProcessInfo.processInfo.environment, user: String
    ) throws -> String {
        if let command { return try run(command) }
        if let password = environment["NATTER_PASSWORD"], !password.isEmpty { return password }
        // An empty answer is a slip of the Enter key, never a password worth sending.
        for _ in 0..<3 {
            let password = try prompt("Password for \(user): ")
            if !password.isEmpty { return password }
        }
        throw CredentialsError("no password given")
    }

    /// Runs the user's password manager command; the first line of its output is the password.
    public static func run(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CredentialsError("cannot run password command: \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CredentialsError("password command exited with status \(process.terminationStatus)")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n", omittingEmptySubsequences: false).first, !line.isEmpty else {
            throw CredentialsError("password command printed nothing")
        }
        return String(line)
    }

    /// Reads a line from the controlling terminal with echo off, restoring the terminal whatever happens.
    public static func prompt(_ text: String) throws -> String {
        let tty = open("/dev/tty", O_RDWR)
        guard tty >= 0 else {
            throw CredentialsError("no password given and no terminal to ask on; set NATTER_PASSWORD")
        }
        defer { close(tty) }
        _ = text.withCString { write(tty, $0, strlen($0)) }
        var original = termios()
        tcgetattr(tty, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(tty, TCSAFLUSH, &silent)
        defer {
            tcsetattr(tty, TCSAFLUSH, &original)
            _ = write(tty, "\n", 1)
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1, byte != 0x0A, byte != 0x0D { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
