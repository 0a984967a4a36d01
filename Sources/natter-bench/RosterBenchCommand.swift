import ArgumentParser
import Foundation
import NatterEngine
import NatterModel
import NatterTUI

/// `natter-bench roster`: the cost of a big roster in the engine and the screen model.
///
/// Large rosters are where terminal clients are known to crawl: every presence change re-sorts or re-renders
/// everything. This measures the three paths a presence storm takes through Natter.
struct RosterBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Roster load, presence storm and render cost with many contacts.")

    @Option(help: "Contacts on the roster.") var contacts = 10_000
    @Option(help: "Presence changes in the storm.") var presences = 100_000
    @Option(help: "Frames rendered for the render measurement.") var frames = 200

    func run() throws {
        let domain = "natter.test"
        let roster = (0..<contacts).map { index in
            Contact(jid: JID(local: "user\(index)", domain: domain), displayName: Self.name(index), groups: ["Team"])
        }
        var generator = SplitMix(seed: 42)
        let storm = (0..<presences).map { _ in
            EngineEvent.presence(
                .changed(
                    JID(local: "user\(Int(generator.next() % UInt64(contacts)))", domain: domain, resource: "r"),
                    Presence.allCases[Int(generator.next() % 5)], status: nil, since: nil))
        }

        let store = EngineStore(state: ClientState(domain: domain))
        let load = measure { store.ingest(.roster(.loaded(roster))) }
        let reduce = measure { for event in storm { store.ingest(event) } }

        var model = ScreenModel()
        var ui = InterfaceState(rows: 50, columns: 160)
        let unchanged = measure { for _ in 0..<frames { _ = model.render(state: store.state, ui: &ui, now: Date()) } }
        let changed = measure {
            for index in 0..<frames {
                store.ingest(storm[index % storm.count])
                _ = model.render(state: store.state, ui: &ui, now: Date())
            }
        }

        print("contacts: \(contacts), presence changes: \(presences), frames: \(frames)")
        print(Self.row("roster load (\(contacts) contacts)", seconds: load, count: 1, unit: "loads"))
        print(Self.row("presence storm through the store", seconds: reduce, count: presences, unit: "events"))
        print(Self.row("render, nothing changed", seconds: unchanged, count: frames, unit: "frames"))
        print(Self.row("presence change + render", seconds: changed, count: frames, unit: "frames"))
    }

    private func measure(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func row(_ label: String, seconds: Double, count: Int, unit: String) -> String {
        let perSecond = Double(count) / max(seconds, 1e-9)
        let each = seconds / Double(max(count, 1)) * 1e6
        let padded = label.padding(toLength: 44, withPad: " ", startingAt: 0)
        return "\(padded) \(String(format: "%12.0f", perSecond)) \(unit)/s  \(String(format: "%10.1f", each)) µs each"
    }

    static func name(_ index: Int) -> String {
        let first = ["Ann", "Bo", "Chen", "Dana", "Émile", "Farah", "Gus", "Hiro", "Ivy", "Jonas", "Kemi", "Lars"]
        let last = ["Smith", "Müller", "Tanaka", "Okafor", "García", "Nguyen", "Kowalski", "Dubois", "Rossi"]
        return "\(first[index % first.count]) \(last[(index / first.count) % last.count]) \(index)"
    }
}

/// A tiny deterministic generator so every run measures the same storm.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
