import ArgumentParser

@main
struct NatterBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "natter-bench", abstract: "Natter micro-benchmarks.",
        subcommands: [
            WebSocketBenchCommand.self, RosterBenchCommand.self, ServerBenchCommand.self, NoOpWakeBenchCommand.self,
            ContactStoreBenchCommand.self,
        ])
}
