/// A chat command: a line that starts with `:`.
public enum REPLCommand: Equatable, Sendable {
    case help
    case why
    case reset
    case sources
    /// The last n entries of the history.
    case history(Int)
    case quit

    /// The commands as typed, for `:help` and completion.
    public static let names = [":help", ":why", ":reset", ":sources", ":history", ":quit"]

    /// One line per command, for `:help`.
    static let summaries: [(String, String)] = [
        (":why", "why the last answer came out as it did: input, spelling, entities, intents, rule, records"),
        (":sources", "full citations of the last answer"),
        (":reset", "forget the conversation (follow-ups start afresh)"),
        (":history [n]", "the last n lines you typed (default 20)"),
        (":help", "this list"),
        (":quit", "leave (Ctrl-D does too)"),
    ]

    /// Reads a line as a command: nil when it is not one (a question), an error when it is not a known one.
    public static func parse(_ line: String) -> Result<REPLCommand, REPLCommandError>? {
        let trimmed = line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard trimmed.first == ":" else { return nil }
        let parts = trimmed.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
        let name = parts.first.map { $0.lowercased() } ?? ""
        let arguments = parts.dropFirst()
        let command: REPLCommand
        switch name {
        case "help", "h", "?": command = .help
        case "why", "w": command = .why
        case "reset", "r": command = .reset
        case "sources", "s": command = .sources
        case "quit", "q", "exit": command = .quit
        case "history":
            guard let argument = arguments.first else { return .success(.history(20)) }
            guard arguments.count == 1, let n = Int(argument), n > 0 else {
                return .failure(.badArgument(":history takes a positive number of lines, as in :history 5"))
            }
            return .success(.history(n))
        default:
            return .failure(.unknown(String(trimmed.prefix(40))))
        }
        guard arguments.isEmpty else { return .failure(.badArgument(":\(name) takes no arguments")) }
        return .success(command)
    }
}

/// A line that starts with `:` but is not a command the chat knows.
public enum REPLCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(String)
    case badArgument(String)

    public var description: String {
        switch self {
        case .unknown(let typed): return "unknown command \(typed): type :help for the list"
        case .badArgument(let why): return why
        }
    }
}
