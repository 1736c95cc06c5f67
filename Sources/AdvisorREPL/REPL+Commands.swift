import AdvisorCore

/// The `:` commands and the welcome text.
extension REPL {
    /// Runs a command; returns false for `:quit`.
    func run(_ command: REPLCommand) -> Bool {
        switch command {
        case .quit:
            return false
        case .help:
            console.write(helpText())
        case .why:
            guard let last = conversation.lastAnswer else { return nothingYet() }
            console.write(wrap(Self.printable(TraceFormatter.format(last))) + "\n\n")
        case .sources:
            guard let last = conversation.lastAnswer else { return nothingYet() }
            if last.citations.isEmpty {
                console.write("The last answer cites no sources.\n\n")
            } else {
                let lines = last.citations.enumerated().map { "[\($0.offset + 1)] " + Self.printable($0.element) }
                console.write(wrap(lines.joined(separator: "\n")) + "\n\n")
            }
        case .reset:
            conversation = Conversation()
            console.write("Conversation forgotten: the next question starts afresh.\n\n")
        case .history(let count):
            let entries = history.entries
            let first = max(0, entries.count - count)
            let width = String(entries.count).count
            var out = ""
            for i in first..<entries.count {
                let number = String(i + 1)
                out += String(repeating: " ", count: width - number.count) + number + "  " + entries[i] + "\n"
            }
            console.write(out.isEmpty ? "No history yet.\n\n" : out + "\n")
        }
        return true
    }

    private func nothingYet() -> Bool {
        console.write("Nothing answered yet: ask a question first.\n\n")
        return true
    }

    /// The first lines of the chat: what it is and a few questions to try.
    func welcome() -> String {
        let examples = Self.examples(advisor).prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
        return style.bold("advisor")
            + wrap(": career advice for medical coding and billing, with a source for every figure.")
            + "\n" + wrap("Try " + examples + ".") + "\n"
            + style.dim(
                wrap("Tab completes, Up recalls, :why explains an answer, :help lists commands, Ctrl-D leaves.")
            )
            + "\n\n"
    }

    /// Example questions from the help topic's data ("- \"...\"" lines), or a built-in few.
    static func examples(_ advisor: Advisor) -> [String] {
        let fromData =
            advisor.knowledge.sections.filter { $0.intent == "help" }.flatMap { $0.text.split(separator: "\n") }
            .compactMap { line -> String? in
                let t = line.drop { $0 == " " }
                guard t.hasPrefix("- \""), t.hasSuffix("\""), t.count > 4 else { return nil }
                return String(t.dropFirst(3).dropLast())
            }
        return fromData.isEmpty
            ? ["What does a CPC make in Texas?", "Which certification should I get first?", "Can I code from home?"]
            : fromData
    }

    /// `:help`: commands and keys.
    func helpText() -> String {
        var lines = [
            "Ask a question in plain words; follow-ups like \"and in Texas?\" keep the topic.", "", "Commands:",
        ]
        for (name, summary) in REPLCommand.summaries {
            lines.append("  " + name + String(repeating: " ", count: max(2, 15 - name.count)) + summary)
        }
        lines += [
            "", "Keys:",
            "  Tab            complete a credential, state, command or question start; twice lists choices",
            "  Up, Down       recall earlier lines (saved across runs)",
            "  Ctrl-R         search earlier lines as you type",
            "  Ctrl-A, Ctrl-E start, end of line; Alt-B, Alt-F word back, forward",
            "  Ctrl-K, Ctrl-U delete to end of line, whole line; Ctrl-W delete word back",
            "  Ctrl-C         cancel the line being typed",
            "  Ctrl-D         leave (on an empty line)",
            "",
            "History: " + (history.path ?? "kept in memory only (no HOME)") + "; key bindings: ~/.editrc.",
        ]
        return wrap(lines.joined(separator: "\n")) + "\n\n"
    }
}
