import AdvisorCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal chat: reads lines with editing, history and completion, answers questions, runs `:` commands.
///
/// Runs synchronously on the calling thread (libedit blocks it while reading). Bad input is reported in one
/// line and the chat goes on; history problems are reported once and the chat goes on without saving.
public final class REPL {
    let advisor: Advisor
    let environment: [String: String]
    let style: TerminalStyle
    let history: History
    var console = Console()
    var conversation = Conversation()
    private var historyProblemShown = false

    /// Widest the answers are wrapped, even on a wider terminal (long lines are hard to read).
    static let maximumWidth = 100

    public init(advisor: Advisor, environment: [String: String]) {
        self.advisor = advisor
        self.environment = environment
        style = TerminalStyle.detect(environment: environment, isTerminal: isatty(1) == 1)
        history = History(path: History.defaultPath(environment: environment))
    }

    /// Runs the chat until `:quit`, Ctrl-D or the terminal closes; returns the exit status.
    public func run() -> Int32 {
        let completer = Completer(advisor: advisor)
        let editor: LineEditor
        do {
            editor = try LineEditor(
                prompt: style.prompt("advisor>"),
                historySize: history.capacity,
                complete: { completer.complete($0) },
                showList: { [unowned self] in showCompletions($0) }
            )
        } catch {
            console.write("advisor: \(error)\n")
            return 1
        }
        console.write(welcome())
        do throws(HistoryError) {
            try history.load()
        } catch {
            report(error)
        }
        for entry in history.entries { editor.addHistory(entry) }
        while !console.broken {
            switch editor.readLine() {
            case .endOfInput:
                console.write("\n")
                return 0
            case .interrupted:
                console.write("\n")
            case .failed(let code):
                console.write("\nadvisor: cannot read the terminal: \(FileError(code: code).reason)\n")
                return 1
            case .line(let bytes):
                if !handle(bytes, editor: editor) { return 0 }
            }
        }
        return 0
    }

    /// Handles one typed line; returns false when the chat should end.
    func handle(_ bytes: [UInt8], editor: LineEditor) -> Bool {
        guard bytes.count <= InputLine.maximumBytes else {
            problem(InputProblem.tooLong(bytes.count).description)
            return true
        }
        guard let raw = String(validating: bytes, as: UTF8.self) else {
            problem(InputProblem.invalidUTF8.description)
            return true
        }
        guard let line = History.clean(raw) else { return true }
        remember(line, editor: editor)
        switch REPLCommand.parse(line) {
        case .success(let command)?:
            return run(command)
        case .failure(let error)?:
            problem(error.description)
        case nil:
            show(advisor.answer(line, in: &conversation))
        }
        return true
    }

    /// Adds a line to Up/Down history and to the history file; reports a file problem once.
    private func remember(_ line: String, editor: LineEditor) {
        do throws(HistoryError) {
            if let kept = try history.add(line) { editor.addHistory(kept) }
        } catch {
            editor.addHistory(line)
            report(error)
        }
    }

    private func report(_ error: HistoryError) {
        guard !historyProblemShown else { return }
        historyProblemShown = true
        problem("\(error). History from now on is kept for this session only.")
    }

    /// One line about something that went wrong; the chat goes on.
    func problem(_ message: String) {
        console.write(style.warning(wrap("! " + message)) + "\n")
    }

    /// Wraps text to the terminal's width (at most `maximumWidth`).
    func wrap(_ text: String) -> String {
        TextWrapper.wrap(text, width: min(console.columns(environment: environment) - 1, Self.maximumWidth))
    }

    /// An answer, wrapped and styled, then its short sources on a line of their own.
    func show(_ answer: Answer) {
        var out = style.answer(wrap(Self.printable(answer.text))) + "\n"
        if !answer.sources.isEmpty {
            let sources = answer.sources.map(Self.printable).joined(separator: "; ")
            out += style.dim(wrap("Sources:  " + sources)) + "\n"
        }
        console.write(out + "\n")
    }

    /// Completion candidates in columns under the line being typed.
    private func showCompletions(_ matches: [String]) {
        let width = max(20, console.columns(environment: environment) - 1)
        let columnWidth = (matches.map { TextWrapper.displayWidth($0) }.max() ?? 0) + 2
        let perLine = max(1, width / columnWidth)
        var out = "\n"
        for (i, m) in matches.enumerated() {
            let last = i % perLine == perLine - 1 || i == matches.count - 1
            let pad = last ? 0 : columnWidth - TextWrapper.displayWidth(m)
            out += m + String(repeating: " ", count: pad) + (last ? "\n" : "")
        }
        console.write(out)
    }

    /// Text safe to print: control characters other than line feeds (escape sequences included) removed.
    static func printable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v == 10 || !(v < 0x20 || (0x7F..<0xA0).contains(v)) {
                scalars.append(s)
            } else if v == 9 {
                scalars.append(" ")
            }
        }
        return String(scalars)
    }
}
