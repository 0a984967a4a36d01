import ArgumentParser
import Foundation
import NatterCodecs
import NatterModel
import NatterProtocols

#if canImport(Glibc)
import Glibc
#endif

/// `natter-bench contactstore`: a GetImItems response with many personas, parsed and turned into the
/// roster model, against Python's lxml parsing the same bytes in the same run (docs/benchmarks.md).
struct ContactStoreBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contactstore", abstract: "GetImItems parse + conversion with many personas, against lxml.")

    @Option(help: "Personas in the response.") var personas = 1000
    @Option(help: "Parses measured (after one warm-up).") var iterations = 50
    @Option(help: "Python with lxml (default: .build/python-peers/bin/python3, else python3).")
    var python: String?

    func run() throws {
        let bytes = try ContactStoreEnvelope.bytes(for: Self.response(personas: personas))
        let memoryBefore = Self.peakResidentKiB()
        var contacts = 0
        // What the adapter does: the streaming decoder straight into the model.
        let swift = try measure {
            for _ in 0..<iterations {
                let response = try ContactStoreEnvelope.parseItemListResponse(bytes, expecting: .getImItems)
                guard case .imItemList(let list) = response.payload else { throw ValidationError("no list") }
                contacts = ContactStoreDirectory(list, domain: "natter.test").contacts.count
            }
        }
        let swiftPeak = Self.peakResidentKiB() - memoryBefore
        // The general path (libxml2 tree → XMLElement tree → codec), which errors and other responses take.
        var treeContacts = 0
        let tree = try measure {
            for _ in 0..<iterations {
                let (response, _) = try ContactStoreEnvelope.parseResponse(bytes, expecting: .getImItems)
                guard case .imItemList(let list) = response.payload else { throw ValidationError("no list") }
                treeContacts = ContactStoreDirectory(list, domain: "natter.test").contacts.count
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("natter-bench-ews-\(getpid()).xml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let lxml = try Self.runLXML(python: python ?? Self.defaultPython(), file: file.path, iterations: iterations)

        print("GetImItems response: \(personas) personas, \(bytes.count) bytes, \(iterations) parses each")
        print(row("natter (SAX2 stream + model)", seconds: swift, contacts: contacts, peakKiB: swiftPeak))
        print(row("natter tree path (reader + codec + model)", seconds: tree, contacts: treeContacts, peakKiB: 0))
        print(row("python lxml (parse + dicts)", seconds: lxml.seconds, contacts: lxml.contacts, peakKiB: lxml.peakKiB))
        print(String(format: "natter is %.2f× lxml's speed", lxml.seconds / max(swift, 1e-9)))
        print(String(format: "the tree path is %.2f× lxml's speed", lxml.seconds / max(tree, 1e-9)))
    }

    static func response(personas count: Int) -> ContactStoreResponse {
        let personas = (0..<count).map { index in
            let address = "user\(index)@natter.test"
            return Persona(
                personaId: EWSItemId(id: Data("persona-\(index)".utf8).base64EncodedString(), changeKey: "EgAAAA=="),
                personaType: "Person", displayName: RosterBenchCommand.name(index),
                emailAddress: EWSEmailAddress(name: RosterBenchCommand.name(index), address: address),
                imAddress: "sip:" + address)
        }
        let group = ImGroup(
            displayName: "Team", exchangeStoreId: EWSItemId(id: "R3JvdXA=", changeKey: "EgAAAA=="),
            memberCorrelationKey: personas.map { EWSItemId(id: $0.personaId.id) })
        return .success(.getImItems, payload: .imItemList(ImItemList(groups: [group], personas: personas)))
    }

    private func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    func row(_ label: String, seconds: Double, contacts: Int, peakKiB: Int) -> String {
        let each = seconds / Double(max(iterations, 1)) * 1e3
        let padded = label.padding(toLength: 42, withPad: " ", startingAt: 0)
        return "\(padded) \(String(format: "%8.2f", each)) ms per parse  \(contacts) contacts  peak +\(peakKiB) KiB"
    }

    static func peakResidentKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    static func defaultPython() -> String {
        let venv = FileManager.default.currentDirectoryPath + "/.build/python-peers/bin/python3"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
    }

    /// The same work in lxml: parse, then each persona and group into a dict, timed inside Python.
    static func runLXML(
        python: String, file: String, iterations: Int
    ) throws -> (seconds: Double, contacts: Int, peakKiB: Int) {
        let script = """
            import resource, sys, time
            from lxml import etree
            T = '{http://schemas.microsoft.com/exchange/services/2006/types}'
            data = open(sys.argv[1], 'rb').read()
            def convert():
                root = etree.fromstring(data)
                groups = [{'name': g.findtext(T + 'DisplayName'),
                           'members': [i.get('Id') for i in g.iter(T + 'ItemId')]} for g in root.iter(T + 'ImGroup')]
                contacts = []
                for p in root.iter(T + 'Persona'):
                    pid = p.find(T + 'PersonaId')
                    contacts.append({'id': pid.get('Id'), 'changeKey': pid.get('ChangeKey'),
                                     'name': p.findtext(T + 'DisplayName'), 'im': p.findtext(T + 'ImAddress'),
                                     'groups': [g['name'] for g in groups if pid.get('Id') in g['members']]})
                return contacts
            convert()
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            start = time.perf_counter()
            for _ in range(int(sys.argv[2])):
                contacts = convert()
            seconds = time.perf_counter() - start
            print(seconds, len(contacts), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, file, String(iterations)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = output.split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 3, let seconds = Double(fields[0]),
            let contacts = Int(fields[1]), let peak = Int(fields[2])
        else { throw ValidationError("the lxml baseline failed (is lxml installed for \(python)?): \(output)") }
        return (seconds, contacts, peak)
    }
}
