import AdvisorCore
import AdvisorREPL
import ArgumentParser
import Foundation

/// `advisor`: a career advisor for medical coding and billing.
@main
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
