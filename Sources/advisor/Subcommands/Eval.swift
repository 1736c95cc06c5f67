import AdvisorCore
import ArgumentParser
import FoundationEssentials

/// `advisor eval FILE.jsonl`: scores labelled questions and dialogues as shared/eval/score.py does.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score labelled questions and dialogues (the format of shared/eval/dev_*.jsonl).",
        discussion: """
            Prints score.py's summary (intent_acc, slot_acc, fact_rate, oos_precision, oos_recall, \
            dialogue_turn_acc), per-intent precision/recall/F1, the most confused pairs and every failure. \
            Several files are scored together, e.g. dev_single.jsonl dev_dialogues.jsonl.
            """
    )

    @OptionGroup var data: DataOptions
    @Flag(name: .long, help: "Write the report as one JSON object.") var json = false
    @Option(name: .long, help: "Show at most this many failures in the text report.") var failures = 50
    @Argument(help: "Labelled .jsonl files.") var files: [String]

    func run() throws {
        var cases: [EvalCase] = []
        for file in files {
            do {
                cases += try EvalFile.read(file)
            } catch {
                throw failure("advisor eval: \(error)")
            }
        }
        let report = Evaluator(advisor: try loadAdvisor(data.data)).run(cases)
        let text = json ? report.json() : report.text(failureLimit: max(0, failures))
        StandardStream.out(text + "\n")
    }
}
