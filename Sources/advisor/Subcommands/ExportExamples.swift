import AdvisorCore
import ArgumentParser
import FoundationEssentials

/// `advisor export-examples`: every example utterance with its intent and slots.
struct ExportExamples: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-examples",
        abstract: "Print every example utterance of Intents/examples/ with its intent (and slots)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case tsv
        case jsonl
    }

    @OptionGroup var data: DataOptions
    @Option(name: .long, help: "tsv (intent, text, slots as JSON) or jsonl ({\"text\",\"intent\",\"slots\"}).")
    var format: Format = .tsv

    func run() throws {
        let source: DataSource = (data.data).map { .directory($0) } ?? .embedded
        let examples: [ExampleUtterance]
        do {
            examples = try ExampleUtterance.all(in: source.files())
        } catch {
            throw failure("advisor export-examples: \(error)")
        }
        var out = format == .tsv ? "intent\ttext\tslots\n" : ""
        for e in examples {
            let slots = JSONWriter.slots(e.slots)
            switch format {
            case .tsv: out += "\(e.intent)\t\(Self.cell(e.text))\t\(slots)\n"
            case .jsonl:
                out +=
                    JSONWriter.object([
                        ("text", JSONWriter.quote(e.text)), ("intent", JSONWriter.quote(e.intent)), ("slots", slots),
                    ]) + "\n"
            }
        }
        StandardStream.out(out)
    }

    /// A TSV cell: tabs and line breaks become spaces.
    static func cell(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
