import AdvisorCore
import ArgumentParser
import FoundationEssentials

/// `advisor check`: validates all rules and knowledge and exits non-zero on any error.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate Intents/ and Knowledge/: report each problem as file:line:column and exit 1 on any error.",
        discussion: """
            Without --data, checks ./Intents and ./Knowledge when the current directory has them, else the \
            copy embedded in the binary. Warnings do not change the exit status unless --strict.
            """
    )

    @Option(name: .long, help: "The directory holding Intents/ and Knowledge/.") var data: String?
    @Flag(name: .long, help: "Count warnings as errors.") var strict = false
    @Flag(name: .long, help: "Print errors only (the summary still counts warnings).") var errorsOnly = false

    func run() throws {
        let (files, readFindings, origin) = try Self.files(data)
        var report = DataChecker(files: files, readFindings: readFindings).run()
        if strict { report = report.strict() }
        var out = ""
        for finding in report.findings where !(errorsOnly && finding.severity == .warning) {
            out += finding.description + "\n"
        }
        let examples = report.loaded ? "\(report.examples) examples run" : "the data did not load, examples not run"
        out +=
            "advisor check: \(Self.count(report.errors.count, "error")), \(Self.count(report.warnings.count, "warning"))"
        out += " in \(report.files) files (\(examples); data from \(origin))\n"
        StandardStream.out(out)
        if !report.errors.isEmpty { throw ExitCode(1) }
    }

    /// The files to check, problems met reading them, and where they came from.
    static func files(_ data: String?) throws -> ([DataFile], [Finding], String) {
        let here = FileManager.default.currentDirectoryPath
        let manager = FileManager.default
        let root =
            data
            ?? (manager.fileExists(atPath: here + "/Intents") && manager.fileExists(atPath: here + "/Knowledge")
                ? "." : nil)
        guard let root else {
            return (try DataSource.embedded.files(), [], "the copy embedded in the binary")
        }
        do {
            let (files, findings) = try DataDirectory.read(root)
            return (files, findings, root == "." ? "./" : root)
        } catch {
            throw failure("advisor check: \(error)")
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}

/// Prints a problem the user can act on as one line on stderr and returns exit status 2 to throw:
/// no usage text, no backtrace.
func failure(_ message: String) -> ExitCode {
    StandardStream.err(message + "\n")
    return ExitCode(2)
}

/// Loads the advisor from a data directory, or the embedded copy; a load error exits with status 2.
func loadAdvisor(_ directory: String?) throws -> Advisor {
    do {
        return try Advisor(source: directory.map { .directory($0) } ?? .embedded)
    } catch {
        throw failure("advisor: cannot load data: \(error)")
    }
}
