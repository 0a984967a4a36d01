import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Checks that the listening address can be bound, by binding it and letting go, before the server opens its
/// database. The server binds for real a moment later; this only turns "the port is taken" into a clear error
/// that leaves no files behind.
enum PortProbe {
    static func claim(host: String, port: Int) throws {
        guard port != 0 else { return }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            throw ValidationError("cannot listen on \(host): not an address this machine has")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return }
        defer { close(fd) }
        // As the server's own socket does, so a port in TIME_WAIT after a restart counts as free.
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let reason = String(cString: strerror(errno))
            FileHandle.standardError.write(Data("natterd: cannot listen on \(host):\(port): \(reason)\n".utf8))
            // EX_UNAVAILABLE: nothing is wrong with the command line; the port is someone else's.
            throw ExitCode(69)
        }
    }
}
