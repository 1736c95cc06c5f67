import AdvisorCore
import AdvisorREPL
import AdvisorServer
import ArgumentParser
import FoundationEssentials

/// The program's entry: `advisor serve` first moves Swift concurrency onto the server's event loops
/// (see `AdvisorService.runTasksOnEventLoops`), which must happen on the main thread before any task.
@main
enum Main {
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "serve" { _ = AdvisorService.runTasksOnEventLoops() }
        await AdvisorCommand.main()
    }
}

/// `advisor`: a career advisor for medical coding and billing.
struct AdvisorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisor",
        abstract: "A career advisor for medical coding and billing: pay, credentials, exams, jobs.",
        discussion: """
            With no subcommand: a chat in a terminal, or questions read from standard input one per line \
            (plain text, or JSON objects {"text": ..., "user": ...} with --json).
            """,
        subcommands: [
            Chat.self, Ask.self, Serve.self, Check.self, Eval.self, Why.self, ExportExamples.self, Bench.self,
        ],
        defaultSubcommand: Chat.self
    )
}

/// Where to load rules and knowledge from.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Load Intents/ and Knowledge/ from this directory instead of the embedded copy.")
    var data: String?

    func load() throws -> Advisor {
        do {
            return try Advisor(source: data.map { .directory($0) } ?? .embedded)
        } catch {
            throw ValidationError("cannot load data: \(error)")
        }
    }
}
