import Foundation
import NatterTestSupport
import Testing

/// natterd's contact store door against zeep, a general SOAP client that builds its calls from Microsoft's
/// real `services.wsdl` and checks the answers against the real schemas while parsing them.
///
/// natter's own codec agreeing with natterd proves little; this checks all 12 operations, their refusals and
/// the ServerVersionInfo header against someone else's reading of EWS.
@Suite(.serialized, .offThePool) struct IndependentEWSClientTests {
    @Test func zeepCallsAllTwelveOperations() throws {
        let python = try PythonPeers.python()
        let server = try NatterdProcess(arguments: ["--no-demo-peer", "--bcrypt-cost", "4"])
        let wsdl = XMLLint.schemaDirectory.appendingPathComponent("services.wsdl").path
        let out = try TestProcess.Pipe.make()
        let err = try TestProcess.Pipe.make()
        let peer = try ChildProcess(
            python,
            [
                PythonPeers.peersDirectory + "/contactstore_peer.py", server.url + "/EWS/Exchange.asmx", wsdl,
                "alice", "alice",
            ],
            stdout: out.write, stderr: err.write)
        defer { peer.stop() }
        let stdout = TestProcess.Reader(out.read)
        let stderr = TestProcess.Reader(err.read)
        #expect(peer.wait(timeout: 120) == 0, "zeep failed:\n\(stdout.snapshot())\n\(stderr.snapshot())")

        let lines = stdout.snapshot().split(separator: "\n").map(String.init)
        let calls = lines.filter { $0.hasPrefix(#"{"event": "call""#) }
        let operations = Set(
            calls.compactMap { line in
                line.split(separator: "\"").dropFirst(7).first.map(String.init)
            })
        #expect(operations.count == 12, "operations called: \(operations.sorted())")
        #expect(calls.allSatisfy { $0.hasSuffix(#""server": "Exchange2013"}"#) }, "every answer has ServerVersionInfo")
        #expect(lines.contains(#"{"event": "group", "name": "Zeep Friends", "type": "IPM.DistList.MOC.UserGroup"}"#))
        #expect(lines.contains(#"{"event": "persona", "name": "Pat Peer", "im": "sip:pat@example.org"}"#))
        #expect(
            lines.contains(
                #"{"event": "items", "group": "Zeep Pals", "members": 1, "persona": "Pat Peer", "member": true}"#))
        #expect(
            lines.contains(
                #"{"event": "distribution", "name": "Everyone", "type": "IPM.DistList.MOC.DG", "smtp": "team@natter.test", "members": 3}"#
            ))
        for code in [
            "ErrorImGroupDisplayNameAlreadyExists", "ErrorIrresolvableConflict",
            "ErrorUnableToRemoveImContactFromGroup",
            "ErrorInvalidImDistributionGroupSmtpAddress", "ErrorItemNotFound", "ErrorInvalidIdMalformed",
        ] {
            #expect(calls.contains { $0.contains(#""code": "\#(code)", "responseClass": "Error""#) }, "no \(code)")
        }
        #expect(lines.last == #"{"event": "done", "groups": ["Friends", "Team"]}"#)
    }
}
