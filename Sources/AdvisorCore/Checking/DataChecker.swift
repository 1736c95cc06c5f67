/// Validates all rules and knowledge: schema, names, slot values, duplicates and conflicts, examples,
/// templates, provenance and reachability. Pure logic over data files: no terminal code.
public struct DataChecker: Sendable {
    public let files: [DataFile]
    let readFindings: [Finding]

    /// - Parameters:
    ///   - files: the data files (`Intents/...`, `Knowledge/...`).
    ///   - readFindings: problems met while reading them (unreadable or binary files).
    public init(files: [DataFile], readFindings: [Finding] = []) {
        self.files = files
        self.readFindings = readFindings
    }

    /// Runs every check and returns the findings sorted by file, line and column.
    public func run() -> CheckReport {
        var run = CheckRun(files: files)
        run.findings = readFindings
        run.parseAll()
        run.vocabulary = DataVocabulary(run.parsed)
        let advisor = run.load()
        run.checkEntities()
        run.checkRuleFiles()
        run.checkKnowledge()
        run.checkTemplates()
        var examples = 0
        if let advisor {
            run.checkRules(advisor.model)
            run.checkContextIntents(advisor.model)
            run.checkConcepts(advisor.model)
            examples = run.checkExamples(advisor)
        } else {
            run.checkExampleFiles()
        }
        var unique: [Finding] = []
        for f in run.findings.sorted() where unique.last != f { unique.append(f) }
        let count = files.filter { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".csv") }.count
        return CheckReport(findings: unique, files: count, examples: examples, loaded: advisor != nil)
    }
}

/// The state of one check run: parsed files, the vocabulary they define, and the findings so far.
struct CheckRun {
    let files: [DataFile]
    var parsed: [String: YAMLNode] = [:]
    var findings: [Finding] = []
    var vocabulary = DataVocabulary([:])

    init(files: [DataFile]) { self.files = files }

    mutating func add(_ severity: Finding.Severity, _ check: Finding.Check, _ node: YAMLNode, _ message: String) {
        findings.append(Finding(severity, check, file: node.file, line: node.line, column: node.column, message))
    }

    mutating func add(_ severity: Finding.Severity, _ check: Finding.Check, origin: String, _ message: String) {
        let (file, line) = Finding.split(origin)
        findings.append(Finding(severity, check, file: file, line: line, column: 1, message))
    }

    /// Parses every file on its own, so each broken file is reported, not only the first.
    mutating func parseAll() {
        for file in files where file.path.hasSuffix(".yaml") || file.path.hasSuffix(".csv") {
            do throws(LoadError) {
                if file.path.hasSuffix(".csv") {
                    _ = try CSVTable(file: file.path, text: file.text)
                } else {
                    parsed[file.path] = try YAMLNode.parse(file)
                }
            } catch {
                findings.append(Finding(error))
            }
        }
    }

    /// Compiles the data as the advisor does. A file the loader rejects is reported and set aside,
    /// and loading is tried again without it, so the other files still get every check.
    mutating func load() -> Advisor? {
        var usable = files.filter { $0.path.hasSuffix(".csv") || parsed[$0.path] != nil }
        var setAside = files.filter { $0.path.hasSuffix(".yaml") && parsed[$0.path] == nil }.map(\.path)
        while true {
            do throws(LoadError) {
                return try Advisor(source: .files(usable))
            } catch {
                let note = setAside.isEmpty ? "" : " (found with \(setAside.joined(separator: ", ")) set aside)"
                findings.append(Finding(error, note: note))
                let file = Finding.split(error.file).file
                guard let index = usable.firstIndex(where: { $0.path == file }) else { return nil }
                usable.remove(at: index)
                setAside.append(file)
            }
        }
    }

    /// Parsed YAML files whose path starts with a prefix, in path order.
    func yaml(_ prefix: String) -> [YAMLNode] {
        parsed.keys.filter { $0.hasPrefix(prefix) }.sorted().compactMap { parsed[$0] }
    }
}
